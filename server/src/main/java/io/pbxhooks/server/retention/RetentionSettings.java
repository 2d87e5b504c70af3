package io.pbxhooks.server.retention;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** How long finished deliveries and their events are kept: {@code pbxhooks.retention.*} (e.g. {@code PBXHOOKS_RETENTION_MAX_AGE}). */
@ConfigurationProperties("pbxhooks.retention")
public class RetentionSettings {

    /** Zero ({@code 0s}) keeps everything. */
    private Duration maxAge = Duration.ofDays(30);
    private Duration interval = Duration.ofMinutes(10);
    private int batchSize = 500;

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("pbxhooks.retention.max-age must not be negative (zero keeps everything), not " + maxAge);
        }
        this.maxAge = maxAge;
    }

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("pbxhooks.retention.interval must be positive, not " + interval);
        }
        this.interval = interval;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("pbxhooks.retention.batch-size must be at least 1, not " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public boolean keepsEverything() {
        return maxAge.isZero();
    }
}
