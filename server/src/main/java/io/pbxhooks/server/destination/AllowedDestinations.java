package io.pbxhooks.server.destination;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The operator's allowlist ({@code pbxhooks.allowed-destinations}, {@code PBXHOOKS_ALLOWED_DESTINATIONS}): addresses
 * and CIDR blocks deliveries may go to even though the built-in rules refuse them, such as a receiver on this machine.
 */
public final class AllowedDestinations {

    private static final IPAddressStringParameters ADDRESS_OR_BLOCK = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowPrefixOnly(false).allowMask(false).allowWildcardedSeparator(false)
            .setRangeOptions(AddressStringParameters.RangeParameters.NO_RANGE).toParams();

    private final List<IPAddress> blocks;

    private AllowedDestinations(List<IPAddress> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static AllowedDestinations none() {
        return new AllowedDestinations(List.of());
    }

    /**
     * @param entries addresses ({@code 127.0.0.1}, {@code ::1}) and CIDR blocks ({@code 10.1.0.0/16}); blank entries are
     *                ignored, so an empty setting allows nothing
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static AllowedDestinations parse(List<String> entries) {
        List<IPAddress> blocks = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                IPAddress address = new IPAddressString(text, ADDRESS_OR_BLOCK).toAddress();
                blocks.add(address.isPrefixed() ? address.toPrefixBlock() : address);
            } catch (AddressStringException invalid) {
                throw new IllegalArgumentException("PBXHOOKS_ALLOWED_DESTINATIONS (pbxhooks.allowed-destinations): \"" + text
                        + "\" is not an IP address or CIDR block such as 127.0.0.1/32 or 10.1.0.0/16: " + invalid.getMessage());
            }
        }
        return new AllowedDestinations(blocks);
    }

    boolean contains(IPAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    @Override
    public String toString() {
        return blocks.stream().map(IPAddress::toCanonicalString).collect(Collectors.joining(", "));
    }
}
