package io.pbxhooks.server.plugin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.spi.DestinationPolicy;
import io.pbxhooks.spi.PluginContext;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the server gives every plugin: the SPI's defaults (UTC clock, platform logging), the server's destination policy
 * and the operator's extra certificate authorities.
 */
final class HostPluginContext implements PluginContext {

    private final DestinationPolicy destinationPolicy;
    private final List<X509Certificate> extraTrustedCertificates;

    HostPluginContext(DestinationPolicy destinationPolicy, List<X509Certificate> extraTrustedCertificates) {
        this.destinationPolicy = requireNonNull(destinationPolicy, "destinationPolicy is null");
        this.extraTrustedCertificates = List.copyOf(extraTrustedCertificates);
    }

    @Override
    public List<X509Certificate> extraTrustedCertificates() {
        return extraTrustedCertificates;
    }

    @Override
    public DestinationPolicy destinationPolicy() {
        return destinationPolicy;
    }
}
