package io.pbxhooks.server.delivery;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The oracle of the request tests: payloads encoded the way the issue specifies them (written here, not taken from
 * the transport), and one text form of a request — request line, headers by name, blank line, body — so that an
 * expected and a received request compare in one readable assertion.
 */
final class HttpRequests {

    /** Headers the HTTP client owns; the tests check them apart ({@link #CONNECTION_HEADERS}). */
    static final Set<String> CONNECTION_HEADERS = Set.of("host", "content-length", "connection");
    static final String USER_AGENT = "pbxhooks/" + transportVersion();

    private HttpRequests() {
    }

    /** A JSON object of the entries in order: booleans as JSON booleans, the rest as strings. */
    static String json(List<CallEvents.Mapped> payload) {
        return payload.stream().map(entry -> quote(entry.requestKey()) + ":"
                        + (entry.value() instanceof Boolean flag ? flag.toString() : quote((String) entry.value())))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** {@code key=value&…}: UTF-8, every byte but the RFC 3986 unreserved characters percent-encoded. */
    static String query(List<CallEvents.Mapped> payload) {
        return payload.stream().map(entry -> percentEncode(entry.requestKey()) + "=" + percentEncode(entry.value().toString()))
                .collect(Collectors.joining("&"));
    }

    static String render(String method, String pathAndQuery, Map<String, String> headers, String body) {
        StringBuilder text = new StringBuilder(method).append(' ').append(pathAndQuery).append('\n');
        new TreeMap<>(headers).forEach((name, value) -> text.append(name.toLowerCase(Locale.ROOT)).append(": ").append(value).append('\n'));
        return text.append('\n').append(body).toString();
    }

    /** The received request in the same form, without the {@link #CONNECTION_HEADERS}. */
    static String render(LoggedRequest request) {
        Map<String, String> headers = new TreeMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            String name = header.key().toLowerCase(Locale.ROOT);
            if (!CONNECTION_HEADERS.contains(name)) {
                headers.merge(name, String.join(", ", header.values()), (first, second) -> first + " | " + second);
            }
        }
        return render(request.getMethod().getName(), request.getUrl(), headers, new String(request.getBody(), StandardCharsets.UTF_8));
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String percentEncode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte octet : text.getBytes(StandardCharsets.UTF_8)) {
            char character = (char) (octet & 0xff);
            boolean unreserved = (character >= 'A' && character <= 'Z') || (character >= 'a' && character <= 'z')
                    || (character >= '0' && character <= '9') || "-._~".indexOf(character) >= 0;
            encoded.append(unreserved ? String.valueOf(character) : String.format("%%%02X", octet & 0xff));
        }
        return encoded.toString();
    }

    /** The version the webhook transport was built as, which its User-Agent names. */
    private static String transportVersion() {
        try (InputStream in = HttpRequests.class.getResourceAsStream("/io/pbxhooks/webhook/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("the webhook transport's version.properties is not on the test class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
