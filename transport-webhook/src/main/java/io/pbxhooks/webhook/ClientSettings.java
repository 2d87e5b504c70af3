package io.pbxhooks.webhook;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.spi.DestinationPolicy;
import io.pbxhooks.spi.PluginContext;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the host's context builds into an HTTP client: which addresses it may connect to and which certificate
 * authorities it trusts besides the JDK's. Senders with equal settings share one client.
 */
record ClientSettings(DestinationPolicy policy, List<X509Certificate> extraTrustedCertificates) {

    ClientSettings {
        requireNonNull(policy, "policy is null");
        extraTrustedCertificates = List.copyOf(extraTrustedCertificates);
    }

    static ClientSettings of(PluginContext context) {
        return new ClientSettings(context.destinationPolicy(), context.extraTrustedCertificates());
    }
}
