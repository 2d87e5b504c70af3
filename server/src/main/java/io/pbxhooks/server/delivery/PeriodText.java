package io.pbxhooks.server.delivery;

import java.time.Duration;

/** A period as people write it, in the largest unit that states it exactly: "24 h", "90 min", "1 s", "1500 ms". */
final class PeriodText {

    private PeriodText() {
    }

    static String of(Duration period) {
        if (period.isZero() || period.isNegative()) {
            return period.toMillis() + " ms";
        }
        if (period.toSecondsPart() == 0 && period.toMillisPart() == 0 && period.toNanosPart() == 0) {
            if (period.toMinutesPart() == 0) {
                return period.toHours() + " h";
            }
            return period.toMinutes() + " min";
        }
        if (period.toMillisPart() == 0 && period.toNanosPart() == 0) {
            return period.toSeconds() + " s";
        }
        return period.toMillis() + " ms";
    }
}
