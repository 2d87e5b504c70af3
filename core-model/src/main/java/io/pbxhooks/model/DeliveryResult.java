package io.pbxhooks.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * How one delivery attempt ended, as the transport classified it. The host, never the transport,
 * decides what happens next (retry schedule, Retry-After bounds, auto-disable).
 *
 * @param statusCode the destination's status code, or 0 when there was no response (connection error, timeout)
 * @param retryAfter how long the destination asked to wait, only for {@link Outcome#RETRYABLE}; may be null
 * @param exchange   what was sent and received, secrets redacted, for the attempt log; null when the transport
 *                   reports none
 */
public record DeliveryResult(Outcome outcome, int statusCode, Duration retryAfter, String detail, Exchange exchange) {

    public enum Outcome {
        SUCCEEDED,
        /** Transient: connection errors, timeouts, 408, 425, 429, 5xx. */
        RETRYABLE,
        /** Final: sending again would not help. */
        PERMANENT,
        /**
         * Final, and nothing was sent: the destination is not one the host allows (for example a private address).
         * The detail says why and how the operator can allow it.
         */
        REFUSED
    }

    public DeliveryResult(Outcome outcome, int statusCode, Duration retryAfter, String detail) {
        this(outcome, statusCode, retryAfter, detail, null);
    }

    public DeliveryResult {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(detail, "detail is null");
        if (retryAfter != null && outcome != Outcome.RETRYABLE) {
            throw new IllegalArgumentException("retryAfter applies only to a retryable outcome");
        }
    }

    public static DeliveryResult succeeded(int statusCode, String detail) {
        return new DeliveryResult(Outcome.SUCCEEDED, statusCode, null, detail);
    }

    public static DeliveryResult retryable(int statusCode, Duration retryAfter, String detail) {
        return new DeliveryResult(Outcome.RETRYABLE, statusCode, retryAfter, detail);
    }

    public static DeliveryResult permanent(int statusCode, String detail) {
        return new DeliveryResult(Outcome.PERMANENT, statusCode, null, detail);
    }

    /** Nothing was sent: {@code detail} says why the destination was refused. */
    public static DeliveryResult refused(String detail) {
        return new DeliveryResult(Outcome.REFUSED, 0, null, detail);
    }

    /** The same result carrying {@code exchange} (null for none). */
    public DeliveryResult withExchange(Exchange exchange) {
        return new DeliveryResult(outcome, statusCode, retryAfter, detail, exchange);
    }

    public Optional<Exchange> exchangeIfAny() {
        return Optional.ofNullable(exchange);
    }

    public Optional<Duration> requestedRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean hasResponse() {
        return statusCode != 0;
    }
}
