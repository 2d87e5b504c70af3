package io.pbxhooks.admin.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stored attempt of a delivery. Nothing in it holds a secret: the transport has already redacted the request,
 * the response headers and the excerpt ({@link io.pbxhooks.model.Exchange}).
 *
 * @param number          1 for the delivery's first attempt
 * @param outcome         {@code SUCCEEDED}, {@code RETRYABLE}, {@code PERMANENT} or {@code REFUSED} (the destination
 *                        is not allowed: nothing was sent) as the transport classified it
 *                        ({@link io.pbxhooks.model.DeliveryResult.Outcome}); {@code REFUSED} also when the host did
 *                        not send it at all (e.g. the transport is not loaded)
 * @param statusCode      the receiver's status code; 0 when there was no response
 * @param detail          for people, e.g. {@code HTTP 503 Service Unavailable: maintenance}
 * @param request         the request as sent, redacted; empty when none was sent
 * @param responseHeaders the response's headers by name in the order received; empty without a response
 * @param responseExcerpt the start of the response body; empty without one
 */
public record AttemptRecord(String deliveryId, int number, Instant startTime, long durationMillis, String outcome, int statusCode,
                            String detail, String request, Map<String, List<String>> responseHeaders, String responseExcerpt) {

    public static final Set<String> OUTCOMES = Set.of("SUCCEEDED", "RETRYABLE", "PERMANENT", "REFUSED");

    public AttemptRecord {
        requireNonNull(deliveryId, "deliveryId is null");
        requireNonNull(startTime, "startTime is null");
        requireNonNull(outcome, "outcome is null");
        if (!OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("outcome must be one of " + OUTCOMES + ", not " + outcome);
        }
        if (number < 1) {
            throw new IllegalArgumentException("number must be 1 or more, not " + number);
        }
        if (durationMillis < 0) {
            throw new IllegalArgumentException("durationMillis is negative: " + durationMillis);
        }
        requireNonNull(detail, "detail is null");
        requireNonNull(request, "request is null");
        requireNonNull(responseHeaders, "responseHeaders is null");
        requireNonNull(responseExcerpt, "responseExcerpt is null");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        responseHeaders.forEach((name, values) -> headers.put(requireNonNull(name, "header name is null"), List.copyOf(values)));
        responseHeaders = Collections.unmodifiableMap(headers);
    }
}
