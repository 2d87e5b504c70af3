package io.pbxhooks.webhook;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.spi.OutboundMessage;
import io.pbxhooks.spi.config.NameValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds the request of one delivery attempt: URL, body, and headers in the order receivers see them. */
final class WebhookRequestFactory {

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    private final WebhookConfig config;

    WebhookRequestFactory(WebhookConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    WebhookRequest create(OutboundMessage message) {
        requireNonNull(message, "message is null");
        if (!HttpText.isSafeHeaderValue(message.deliveryId())) {
            throw new IllegalArgumentException("deliveryId cannot be sent as a header: it has control or non-ASCII characters");
        }
        String url = config.url();
        byte[] body = new byte[0];
        String contentType = null;
        if (config.format() == PayloadFormat.JSON) {
            body = PayloadEncoding.json(message.payload());
            contentType = JSON;
        } else if (config.method() == RequestMethod.GET) {
            url = RequestUrls.withQuery(url, PayloadEncoding.query(message.payload()));
        } else {
            body = PayloadEncoding.query(message.payload()).getBytes(StandardCharsets.US_ASCII);
            contentType = FORM;
        }
        List<NameValue> headers = new ArrayList<>();
        if (config.headers().stream().noneMatch(header -> header.name().equalsIgnoreCase("User-Agent"))) {
            headers.add(new NameValue("User-Agent", UserAgent.VALUE));
        }
        if (contentType != null) {
            headers.add(new NameValue("Content-Type", contentType));
        }
        config.authorization().ifPresent(value -> headers.add(new NameValue("Authorization", value)));
        headers.addAll(config.headers());
        long timestamp = message.sentAt().getEpochSecond();
        headers.add(new NameValue("webhook-id", message.deliveryId()));
        headers.add(new NameValue("webhook-timestamp", Long.toString(timestamp)));
        if (config.signingSecret().isPresent()) {
            headers.add(new NameValue("webhook-signature", config.signingSecret().get().sign(message.deliveryId(), timestamp, body)));
        }
        return new WebhookRequest(config.method(), url, headers, body);
    }
}
