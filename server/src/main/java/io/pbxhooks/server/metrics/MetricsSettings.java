package io.pbxhooks.server.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code pbxhooks.metrics.*}: what the server's own meters are labelled with. */
@ConfigurationProperties("pbxhooks.metrics")
public class MetricsSettings {

    /**
     * Adds an {@code account} label to the event and delivery counters. Off by default: every account then makes its own
     * time series, which suits a few hundred accounts, not tens of thousands.
     */
    private boolean accountLabel;

    public boolean isAccountLabel() {
        return accountLabel;
    }

    public void setAccountLabel(boolean accountLabel) {
        this.accountLabel = accountLabel;
    }
}
