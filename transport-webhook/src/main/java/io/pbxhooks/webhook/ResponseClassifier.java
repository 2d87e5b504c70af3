package io.pbxhooks.webhook;

import io.pbxhooks.model.DeliveryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies a receiver's answer: 2xx succeeded; 408, 425, 429 and 5xx are worth retrying; every other status,
 * redirects included, is final. Pure, so each rule is tested without a network.
 */
final class ResponseClassifier {

    private static final Set<Integer> RETRYABLE_CLIENT_ERRORS = Set.of(408, 425, 429);

    private ResponseClassifier() {
    }

    /**
     * @param reason     the status line's reason phrase, possibly empty
     * @param retryAfter the {@code Retry-After} header, when present
     * @param secrets    credentials to blank out of the body's start
     */
    static DeliveryResult classify(int status, String reason, Optional<String> retryAfter, byte[] body, List<String> secrets, Instant now) {
        String statusLine = "HTTP " + status + (reason.isBlank() ? "" : " " + reason.strip());
        if (status >= 200 && status < 300) {
            return DeliveryResult.succeeded(status, statusLine);
        }
        String snippet = ResponseSnippet.of(body, secrets);
        String detail = snippet.isEmpty() ? statusLine : statusLine + ": " + snippet;
        if (RETRYABLE_CLIENT_ERRORS.contains(status) || (status >= 500 && status < 600)) {
            Duration wait = retryAfter.flatMap(value -> RetryAfter.parse(value, now)).orElse(null);
            return DeliveryResult.retryable(status, wait, detail);
        }
        if (status >= 300 && status < 400) {
            return DeliveryResult.permanent(status, detail + " (redirects are not followed: set the request URL to the new location)");
        }
        return DeliveryResult.permanent(status, detail);
    }
}
