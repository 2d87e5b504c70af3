package io.pbxhooks.webhook;

import io.pbxhooks.spi.DestinationPolicy;
import io.pbxhooks.spi.PluginContext;
import java.time.Clock;
import java.util.Optional;

/** Hand-written destination policies standing in for the host's, and a context that gives one. */
final class TestPolicies {

    static final DestinationPolicy ALLOW_ALL = address -> Optional.empty();

    static final DestinationPolicy REFUSE_LOOPBACK = address -> address.isLoopbackAddress()
            ? Optional.of(address.getHostAddress() + " is a loopback address; allow it with THE_ALLOWLIST")
            : Optional.empty();

    static final DestinationPolicy REFUSE_SITE_LOCAL = address -> address.isSiteLocalAddress()
            ? Optional.of(address.getHostAddress() + " is a private address")
            : Optional.empty();

    private TestPolicies() {
    }

    static PluginContext context(DestinationPolicy policy) {
        return new PluginContext() {
            @Override
            public Clock clock() {
                return TestMessages.CLOCK;
            }

            @Override
            public DestinationPolicy destinationPolicy() {
                return policy;
            }
        };
    }
}
