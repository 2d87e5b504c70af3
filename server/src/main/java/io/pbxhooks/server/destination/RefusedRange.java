package io.pbxhooks.server.destination;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.List;

/**
 * A block of addresses deliveries are refused to unless the operator allows them, and what it is, as the refusal
 * says it ("a private address (RFC 1918)").
 */
record RefusedRange(IPAddress block, String description) {

    /** Checked in order; the first block that contains an address names it. */
    static final List<RefusedRange> ALL = List.of(
            range("0.0.0.0/8", "a \"this network\" address (0.0.0.0/8)"),
            range("10.0.0.0/8", "a private address (RFC 1918)"),
            range("100.64.0.0/10", "a carrier-grade NAT address (100.64.0.0/10)"),
            range("127.0.0.0/8", "a loopback address (127.0.0.0/8)"),
            range("169.254.0.0/16", "a link-local address (169.254.0.0/16, where cloud metadata services answer)"),
            range("172.16.0.0/12", "a private address (RFC 1918)"),
            range("192.0.0.0/24", "an IETF protocol assignment address (192.0.0.0/24)"),
            range("192.0.2.0/24", "a documentation address (192.0.2.0/24)"),
            range("192.88.99.0/24", "a 6to4 relay anycast address (192.88.99.0/24)"),
            range("192.168.0.0/16", "a private address (RFC 1918)"),
            range("198.18.0.0/15", "a benchmarking address (198.18.0.0/15)"),
            range("198.51.100.0/24", "a documentation address (198.51.100.0/24)"),
            range("203.0.113.0/24", "a documentation address (203.0.113.0/24)"),
            range("224.0.0.0/4", "a multicast address (224.0.0.0/4)"),
            range("255.255.255.255/32", "the broadcast address"),
            range("240.0.0.0/4", "a reserved address (240.0.0.0/4)"),
            range("::/128", "the unspecified address"),
            range("::1/128", "the loopback address"),
            range("64:ff9b:1::/48", "a local-use NAT64 address (64:ff9b:1::/48)"),
            range("100::/64", "a discard-only address (100::/64)"),
            range("2001:2::/48", "a benchmarking address (2001:2::/48)"),
            range("2001:db8::/32", "a documentation address (2001:db8::/32)"),
            range("3fff::/20", "a documentation address (3fff::/20)"),
            range("fc00::/7", "a unique local address (fc00::/7)"),
            range("fe80::/10", "a link-local address (fe80::/10)"),
            range("fec0::/10", "a site-local address (fec0::/10)"),
            range("ff00::/8", "a multicast address (ff00::/8)"));

    private static RefusedRange range(String cidr, String description) {
        return new RefusedRange(new IPAddressString(cidr).getAddress().toPrefixBlock(), description);
    }
}
