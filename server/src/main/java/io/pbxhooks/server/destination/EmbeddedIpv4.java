package io.pbxhooks.server.destination;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.List;
import java.util.function.Function;

/**
 * The IPv6 forms that carry an IPv4 address a packet may end up at: a connection to one of them can reach that IPv4
 * address (through the dual-stack socket, a NAT64 gateway, a 6to4 or Teredo relay), so the IPv4 address is checked too.
 */
record EmbeddedIpv4(IPAddress block, String form, Function<IPv6Address, List<IPv4Address>> extract) {

    static final List<EmbeddedIpv4> FORMS = List.of(
            form("::ffff:0:0/96", "an IPv4-mapped address", address -> List.of(address.getEmbeddedIPv4Address())),
            form("::/96", "an IPv4-compatible address", address -> List.of(address.getEmbeddedIPv4Address())),
            form("::ffff:0:0:0/96", "an IPv4-translated address", address -> List.of(address.getEmbeddedIPv4Address())),
            form("64:ff9b::/96", "a NAT64 address", address -> List.of(address.getEmbeddedIPv4Address())),
            form("2002::/16", "a 6to4 address", address -> List.of(address.get6To4IPv4Address())),
            // Teredo: the server's address in bits 32-63, the client's in the last 32 bits with every bit inverted.
            form("2001::/32", "a Teredo address", address -> List.of(address.getEmbeddedIPv4Address(4),
                    new IPv4Address(~address.getEmbeddedIPv4Address().intValue()))));

    /** The IPv4 addresses {@code address} carries in any of the forms above, each with the form's name. */
    static List<Carried> carriedBy(IPv6Address address) {
        return FORMS.stream().filter(form -> form.block().contains(address))
                .flatMap(form -> form.extract().apply(address).stream().map(ipv4 -> new Carried(ipv4, form.form())))
                .toList();
    }

    record Carried(IPv4Address address, String form) {
    }

    private static EmbeddedIpv4 form(String cidr, String form, Function<IPv6Address, List<IPv4Address>> extract) {
        return new EmbeddedIpv4(new IPAddressString(cidr).getAddress().toPrefixBlock(), form, extract);
    }
}
