package io.pbxhooks.webhook;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.spi.DestinationPolicy;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Asks the host's policy about every address a destination host resolved to. One refused address refuses the whole
 * host: connecting to "the other" address of a name that also points inside the network would still let its owner
 * pick which one is used.
 */
final class DestinationCheck {

    private final DestinationPolicy policy;

    DestinationCheck(DestinationPolicy policy) {
        this.policy = requireNonNull(policy, "policy is null");
    }

    /** The attempt's detail when {@code host}, resolved to {@code addresses}, must not be connected to. */
    Optional<String> refusal(String host, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                return Optional.of(HostLiterals.isLiteral(host)
                        ? "refused: " + refusal.get()
                        : "refused: " + host + " resolves to a disallowed address: " + refusal.get());
            }
        }
        return Optional.empty();
    }
}
