package io.pbxhooks.server.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a transiently failed delivery again: the configured delays with ±20% jitter (so that receivers
 * coming back are not hit by every retry at once), or the receiver's Retry-After within bounds.
 */
final class RetrySchedule {

    private static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);

    private final List<Duration> delays;
    private final Duration maxRetryAfter;
    private final RandomGenerator random;

    RetrySchedule(List<Duration> delays, Duration maxRetryAfter, RandomGenerator random) {
        this.delays = List.copyOf(delays);
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    /** The wait before the next attempt after {@code attemptsMade} attempts, or empty when it should not be retried. */
    Optional<Duration> nextDelay(int attemptsMade, Optional<Duration> retryAfter) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            Duration requested = retryAfter.get();
            return Optional.of(requested.compareTo(MIN_RETRY_AFTER) < 0 ? MIN_RETRY_AFTER
                    : requested.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : requested);
        }
        long base = delays.get(attemptsMade - 1).toMillis();
        return Optional.of(Duration.ofMillis(Math.round(base * (0.8 + 0.4 * random.nextDouble()))));
    }

    int maxAttempts() {
        return delays.size() + 1;
    }
}
