package io.pbxhooks.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pbxhooks.model.FieldValue;
import io.pbxhooks.model.Payload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Writes a payload in either format, its entries in mapping order. */
final class PayloadEncoding {

    private static final JsonFactory JSON = new JsonFactory();

    private PayloadEncoding() {
    }

    /** A JSON object: booleans as JSON booleans, everything else as strings. */
    static byte[] json(Payload payload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(bytes)) {
            generator.writeStartObject();
            for (Payload.Entry entry : payload.entries()) {
                if (entry.value() instanceof FieldValue.Flag flag) {
                    generator.writeBooleanField(entry.key(), flag.value());
                } else {
                    generator.writeStringField(entry.key(), entry.value().asText());
                }
            }
            generator.writeEndObject();
        } catch (IOException cannotHappenInMemory) {
            throw new UncheckedIOException(cannotHappenInMemory);
        }
        return bytes.toByteArray();
    }

    /**
     * {@code key=value&…}, UTF-8 percent-encoded. A space is written {@code %20} rather than {@code +}: form parsers
     * read both, and query parsers that do not follow HTML forms read only {@code %20}.
     */
    static String query(Payload payload) {
        return payload.entries().stream()
                .map(entry -> encode(entry.key()) + "=" + encode(entry.value().asText()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        // URLEncoder writes a literal '+' as %2B, so every '+' it leaves stands for a space.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
