package io.pbxhooks.server.destination;

import static java.util.Objects.requireNonNull;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressNetwork.IPAddressGenerator;
import io.pbxhooks.spi.DestinationPolicy;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The server's destination policy. It refuses the addresses of {@link RefusedRange#ALL} (loopback, private,
 * link-local, carrier-grade NAT, multicast, documentation ...) and IPv6 addresses that carry one of them
 * ({@link EmbeddedIpv4}), unless the operator's {@link AllowedDestinations} contain the address.
 */
public final class HostDestinationPolicy implements DestinationPolicy {

    static final String HOW_TO_ALLOW = "allow it with PBXHOOKS_ALLOWED_DESTINATIONS";

    private static final IPAddressGenerator ADDRESSES = new IPAddressGenerator();

    private final AllowedDestinations allowed;

    public HostDestinationPolicy(AllowedDestinations allowed) {
        this.allowed = requireNonNull(allowed, "allowed is null");
    }

    @Override
    public Optional<String> refusal(InetAddress address) {
        IPAddress ip = ADDRESSES.from(requireNonNull(address, "address is null"));
        IPAddress withoutZone = ip.isIPv6() ? ip.toIPv6().removeZone() : ip;
        return whyRefused(withoutZone).map(why -> withoutZone.toCanonicalString() + " is " + why + "; " + HOW_TO_ALLOW);
    }

    /** What {@code address} is that makes it refused, e.g. "a private address (RFC 1918)"; empty when it is allowed. */
    private Optional<String> whyRefused(IPAddress address) {
        if (allowed.contains(address)) {
            return Optional.empty();
        }
        for (RefusedRange range : RefusedRange.ALL) {
            if (range.block().contains(address)) {
                return Optional.of(range.description());
            }
        }
        if (address.isIPv6()) {
            for (EmbeddedIpv4.Carried carried : EmbeddedIpv4.carriedBy(address.toIPv6())) {
                Optional<String> why = whyRefused(carried.address());
                if (why.isPresent()) {
                    return Optional.of(carried.form() + " of " + carried.address() + ", " + why.get());
                }
            }
        }
        return Optional.empty();
    }
}
