package io.pbxhooks.admin;

import com.google.protobuf.Timestamp;
import io.pbxhooks.admin.error.InvalidArgumentException;
import java.time.Instant;

final class Timestamps {

    /** The range google.protobuf.Timestamp allows: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z. */
    private static final long MINIMUM_SECONDS = -62_135_596_800L;
    private static final long MAXIMUM_SECONDS = 253_402_300_799L;

    private Timestamps() {
    }

    static Timestamp of(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** The instant a request's timestamp names. */
    static Instant toInstant(Timestamp timestamp, String field) {
        if (timestamp.getSeconds() < MINIMUM_SECONDS || timestamp.getSeconds() > MAXIMUM_SECONDS
                || timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999) {
            throw InvalidArgumentException.of(field, field + " is not a valid timestamp (years 1 to 9999, nanos 0 to 999999999)");
        }
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
