package io.pbxhooks.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The retry schedule as the dispatcher builds it: the configured delays, ±20% jitter, Retry-After within bounds. */
class RetryScheduleTest {

    /** nextDouble() of these is 0 and just below 1: the two ends of the jitter. */
    private static final RandomGenerator LOWEST = () -> 0L;
    private static final RandomGenerator HIGHEST = () -> -1L;
    /** nextDouble() is exactly 0.5: no jitter at all. */
    private static final RandomGenerator MIDDLE = () -> 1L << 63;

    private final DeliverySettings defaults = new DeliverySettings();

    @Test
    void theDefaultIsEightAttemptsOverAboutADay() {
        RetrySchedule schedule = defaultSchedule(MIDDLE);
        assertEquals(8, schedule.maxAttempts());
        Duration total = Duration.ZERO;
        Duration previous = Duration.ZERO;
        for (int attemptsMade = 1; attemptsMade < 8; attemptsMade++) {
            Duration wait = schedule.nextDelay(attemptsMade, Optional.empty()).orElseThrow();
            assertTrue(wait.compareTo(previous) > 0, "each wait is longer than the one before: " + wait + " after " + previous);
            previous = wait;
            total = total.plus(wait);
        }
        assertEquals(Duration.ofSeconds(30), schedule.nextDelay(1, Optional.empty()).orElseThrow(), "the first retry comes soon");
        assertTrue(total.compareTo(Duration.ofHours(20)) >= 0 && total.compareTo(Duration.ofHours(28)) <= 0, "the last attempt comes after " + total);
        // Even at the extremes of the jitter the schedule spans most of a day.
        assertTrue(totalWait(defaultSchedule(LOWEST)).compareTo(Duration.ofHours(18)) >= 0);
        assertTrue(totalWait(defaultSchedule(HIGHEST)).compareTo(Duration.ofHours(28)) <= 0);
    }

    @Test
    void afterTheLastAttemptTheDeliveryFailsForGood() {
        RetrySchedule schedule = defaultSchedule(MIDDLE);
        assertTrue(schedule.nextDelay(7, Optional.empty()).isPresent(), "the 7th attempt is followed by an 8th");
        assertEquals(Optional.empty(), schedule.nextDelay(8, Optional.empty()));
        assertEquals(Optional.empty(), schedule.nextDelay(8, Optional.of(Duration.ofSeconds(5))), "a Retry-After does not add an attempt");
        assertEquals(Optional.empty(), schedule.nextDelay(9, Optional.empty()));
    }

    @Test
    void aConfiguredScheduleDecidesTheNumberOfAttempts() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), Duration.ofMinutes(1), MIDDLE);
        assertEquals(3, schedule.maxAttempts());
        assertEquals(Optional.of(Duration.ofSeconds(2)), schedule.nextDelay(1, Optional.empty()));
        assertEquals(Optional.of(Duration.ofSeconds(4)), schedule.nextDelay(2, Optional.empty()));
        assertEquals(Optional.empty(), schedule.nextDelay(3, Optional.empty()));
    }

    @Test
    void theJitterReachesTwentyPercentEitherWayAndNoFurther() {
        for (int attemptsMade = 1; attemptsMade < 8; attemptsMade++) {
            long base = defaults.getRetryDelays().get(attemptsMade - 1).toMillis();
            assertEquals(Math.round(base * 0.8), defaultSchedule(LOWEST).nextDelay(attemptsMade, Optional.empty()).orElseThrow().toMillis());
            assertEquals(Math.round(base * 1.2), defaultSchedule(HIGHEST).nextDelay(attemptsMade, Optional.empty()).orElseThrow().toMillis());
        }
    }

    @Test
    void theJitterSpreadsRetriesOverTheWholeBand() {
        RetrySchedule schedule = defaultSchedule(new SplittableRandom(20261129));
        long base = Duration.ofMinutes(10).toMillis();
        int[] fifths = new int[5];
        for (int sample = 0; sample < 10_000; sample++) {
            long wait = schedule.nextDelay(3, Optional.empty()).orElseThrow().toMillis();
            assertTrue(wait >= base * 0.8 && wait <= base * 1.2, wait + " ms is outside ±20% of " + base + " ms");
            fifths[(int) Math.min(4, (wait - base * 0.8) * 5 / (base * 0.4))]++;
        }
        // Uniform: about 2,000 in each fifth of the band; far from it would mean the retries still bunch up.
        for (int count : fifths) {
            assertTrue(count > 1_700 && count < 2_300, Arrays.toString(fifths));
        }
    }

    @Test
    void aRetryAfterWithinBoundsIsHonouredExactlyWithoutJitter() {
        for (RandomGenerator random : List.of(LOWEST, HIGHEST)) {
            RetrySchedule schedule = defaultSchedule(random);
            assertEquals(Optional.of(Duration.ofSeconds(120)), schedule.nextDelay(1, Optional.of(Duration.ofSeconds(120))));
            assertEquals(Optional.of(Duration.ofSeconds(1)), schedule.nextDelay(6, Optional.of(Duration.ofSeconds(1))),
                    "a receiver may ask for a retry sooner than the schedule's");
            assertEquals(Optional.of(defaults.getMaxRetryAfter()), schedule.nextDelay(2, Optional.of(defaults.getMaxRetryAfter())));
        }
    }

    @Test
    void aRetryAfterOutsideTheBoundsIsClampedToThem() {
        RetrySchedule schedule = defaultSchedule(MIDDLE);
        assertEquals(Duration.ofHours(1), defaults.getMaxRetryAfter());
        assertEquals(Optional.of(Duration.ofHours(1)), schedule.nextDelay(1, Optional.of(Duration.ofDays(3))));
        assertEquals(Optional.of(Duration.ofHours(1)), schedule.nextDelay(1, Optional.of(Duration.ofHours(1).plusMillis(1))));
        assertEquals(Optional.of(Duration.ofSeconds(1)), schedule.nextDelay(1, Optional.of(Duration.ofMillis(200))));
        assertEquals(Optional.of(Duration.ofSeconds(1)), schedule.nextDelay(1, Optional.of(Duration.ZERO)));
        RetrySchedule configured = new RetrySchedule(defaults.getRetryDelays(), Duration.ofMinutes(5), MIDDLE);
        assertEquals(Optional.of(Duration.ofMinutes(5)), configured.nextDelay(1, Optional.of(Duration.ofMinutes(30))));
    }

    private RetrySchedule defaultSchedule(RandomGenerator random) {
        return new RetrySchedule(defaults.getRetryDelays(), defaults.getMaxRetryAfter(), random);
    }

    private static Duration totalWait(RetrySchedule schedule) {
        Duration total = Duration.ZERO;
        for (int attemptsMade = 1; attemptsMade < schedule.maxAttempts(); attemptsMade++) {
            total = total.plus(schedule.nextDelay(attemptsMade, Optional.empty()).orElseThrow());
        }
        return total;
    }
}
