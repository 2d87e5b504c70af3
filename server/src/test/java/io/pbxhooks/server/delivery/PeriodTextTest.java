package io.pbxhooks.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PeriodTextTest {

    @Test
    void aPeriodIsWrittenInTheLargestUnitThatStatesItExactly() {
        assertEquals("24 h", PeriodText.of(Duration.ofHours(24)));
        assertEquals("48 h", PeriodText.of(Duration.ofDays(2)));
        assertEquals("90 min", PeriodText.of(Duration.ofMinutes(90)));
        assertEquals("1 min", PeriodText.of(Duration.ofSeconds(60)));
        assertEquals("1 s", PeriodText.of(Duration.ofSeconds(1)));
        assertEquals("61 s", PeriodText.of(Duration.ofSeconds(61)));
        assertEquals("1500 ms", PeriodText.of(Duration.ofMillis(1_500)));
        assertEquals("0 ms", PeriodText.of(Duration.ZERO));
    }
}
