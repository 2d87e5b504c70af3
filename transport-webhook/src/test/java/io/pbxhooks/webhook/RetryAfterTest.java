package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

    @Test
    void readsSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("120", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse(" 7 ", NOW));
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Mon, 06 May 2024 07:09:39 GMT", NOW));
        assertEquals(Optional.of(Duration.ofHours(24)), RetryAfter.parse("Tue, 07 May 2024 07:08:09 GMT", NOW));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Sun, 05 May 2024 07:08:09 GMT", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "1.5", "99999999999999999999999", "2024-05-06T07:09:39Z", "Monday, 06-May-24 07:09:39 GMT"})
    void ignoresWhatItCannotRead(String header) {
        assertEquals(Optional.empty(), RetryAfter.parse(header, NOW));
    }
}
