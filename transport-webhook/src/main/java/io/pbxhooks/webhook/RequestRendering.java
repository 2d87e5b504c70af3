package io.pbxhooks.webhook;

import io.pbxhooks.model.Exchange;
import io.pbxhooks.spi.config.NameValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The request as the attempt log shows it: the request line, the headers the transport set, a blank line and the
 * body (at most {@value #MAXIMUM_BODY_LENGTH} characters of it). The credentials are blanked out wherever they
 * appear, and so are the values of headers that carry credentials or the signature. The HTTP client adds Host and
 * Content-Length on its own; they are not shown.
 */
final class RequestRendering {

    static final int MAXIMUM_BODY_LENGTH = 2048;
    static final int MAXIMUM_LENGTH = 8192;

    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "webhook-signature");
    /**
     * Custom header values are not secrets to the admin API, but a header named like this one usually carries a
     * credential (X-Api-Key, X-Auth-Token…), and the attempt log is copied into tickets and chats far more often.
     */
    private static final Pattern CREDENTIAL_HEADER_NAME = Pattern.compile(".*(auth|token|secret|password|passwd|api-?key|signature|session).*");

    private RequestRendering() {
    }

    static String of(WebhookRequest request, List<String> secrets) {
        StringBuilder text = new StringBuilder().append(request.method()).append(' ').append(request.url()).append('\n');
        for (NameValue header : request.headers()) {
            text.append(header.name()).append(": ").append(carriesCredentials(header.name()) ? Exchange.REDACTED : header.value()).append('\n');
        }
        if (request.body().length > 0) {
            text.append('\n').append(body(request.body(), secrets));
        }
        String rendered = SecretBlanking.blank(text.toString(), secrets);
        return rendered.length() > MAXIMUM_LENGTH ? TextCut.atMost(rendered, MAXIMUM_LENGTH - 1) + "…" : rendered;
    }

    static boolean carriesCredentials(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return CREDENTIAL_HEADERS.contains(name) || CREDENTIAL_HEADER_NAME.matcher(name).matches();
    }

    /** Blanked before it is cut, so that a credential straddling the cut is not half shown. */
    private static String body(byte[] body, List<String> secrets) {
        String text = SecretBlanking.blank(new String(body, StandardCharsets.UTF_8), secrets);
        if (text.length() <= MAXIMUM_BODY_LENGTH) {
            return text;
        }
        return TextCut.atMost(text, MAXIMUM_BODY_LENGTH) + "… (" + body.length + " bytes in all)";
    }
}
