package io.pbxhooks.server.shutdown;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** How a node stops: {@code pbxhooks.shutdown.*} (e.g. {@code PBXHOOKS_SHUTDOWN_GRACE_PERIOD}). */
@ConfigurationProperties("pbxhooks.shutdown")
public class ShutdownSettings {

    /** The longest a stopping node waits for its delivery attempts in progress; keep it below the delivery lease. */
    private Duration gracePeriod = Duration.ofSeconds(30);

    public Duration getGracePeriod() {
        return gracePeriod;
    }

    public void setGracePeriod(Duration gracePeriod) {
        this.gracePeriod = gracePeriod;
    }
}
