package io.pbxhooks.spi;

import java.net.InetAddress;
import java.util.Optional;

/**
 * The host's rule for which network addresses a transport may connect to, so that integrations cannot point
 * deliveries at the host's own network (loopback, private ranges, cloud metadata services). A transport that opens
 * connections resolves the destination once, asks about every resolved address, and connects only to an address
 * that was allowed: never resolve again between asking and connecting.
 */
@FunctionalInterface
public interface DestinationPolicy {

    /**
     * Why a connection to {@code address} must not be made, as a sentence for the attempt log and the admin (for
     * example {@code 10.0.0.5 is a private address (RFC 1918); allow it with ...}); empty when it may be made.
     */
    Optional<String> refusal(InetAddress address);

    /**
     * Refuses every address. What a host that supplies no policy gives (see {@link PluginContext#destinationPolicy()}),
     * so that a missing policy means no connections rather than unchecked ones.
     */
    static DestinationPolicy refuseAll() {
        return address -> Optional.of(address.getHostAddress() + " is not allowed: the host supplies no destination policy");
    }
}
