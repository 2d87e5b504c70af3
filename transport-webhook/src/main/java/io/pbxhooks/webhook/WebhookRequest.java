package io.pbxhooks.webhook;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.spi.config.NameValue;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One HTTP request, ready to send: what the transport decided, independent of the HTTP client that sends it.
 *
 * @param body empty for GET
 */
record WebhookRequest(RequestMethod method, String url, List<NameValue> headers, byte[] body) {

    WebhookRequest {
        requireNonNull(method, "method is null");
        requireNonNull(url, "url is null");
        headers = List.copyOf(requireNonNull(headers, "headers is null"));
        requireNonNull(body, "body is null");
    }

    /** The value of the first header named {@code name}, ignoring case. */
    Optional<String> header(String name) {
        return headers.stream().filter(header -> header.name().equalsIgnoreCase(name)).map(NameValue::value).findFirst();
    }

    /** Header values are left out: Authorization carries credentials. */
    @Override
    public String toString() {
        return "WebhookRequest[" + method + " " + url + ", headers " + headers.stream().map(NameValue::name).collect(Collectors.joining(", "))
                + ", " + body.length + " bytes]";
    }
}
