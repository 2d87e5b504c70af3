package io.pbxhooks.server.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostDestinationPolicyTest {

    private static final String HOW_TO_ALLOW = "; allow it with PBXHOOKS_ALLOWED_DESTINATIONS";

    private final HostDestinationPolicy strict = new HostDestinationPolicy(AllowedDestinations.none());

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0 | a \"this network\" address (0.0.0.0/8)",
            "0.255.255.255 | a \"this network\" address (0.0.0.0/8)",
            "10.0.0.5 | a private address (RFC 1918)",
            "10.255.255.255 | a private address (RFC 1918)",
            "100.64.0.1 | a carrier-grade NAT address (100.64.0.0/10)",
            "100.127.255.254 | a carrier-grade NAT address (100.64.0.0/10)",
            "127.0.0.1 | a loopback address (127.0.0.0/8)",
            "127.255.255.254 | a loopback address (127.0.0.0/8)",
            "169.254.169.254 | a link-local address (169.254.0.0/16, where cloud metadata services answer)",
            "169.254.0.1 | a link-local address (169.254.0.0/16, where cloud metadata services answer)",
            "172.16.0.1 | a private address (RFC 1918)",
            "172.31.255.255 | a private address (RFC 1918)",
            "192.0.0.8 | an IETF protocol assignment address (192.0.0.0/24)",
            "192.0.2.10 | a documentation address (192.0.2.0/24)",
            "192.88.99.1 | a 6to4 relay anycast address (192.88.99.0/24)",
            "192.168.1.1 | a private address (RFC 1918)",
            "198.18.0.1 | a benchmarking address (198.18.0.0/15)",
            "198.19.255.255 | a benchmarking address (198.18.0.0/15)",
            "198.51.100.7 | a documentation address (198.51.100.0/24)",
            "203.0.113.9 | a documentation address (203.0.113.0/24)",
            "224.0.0.1 | a multicast address (224.0.0.0/4)",
            "239.255.255.250 | a multicast address (224.0.0.0/4)",
            "240.0.0.1 | a reserved address (240.0.0.0/4)",
            "255.255.255.255 | the broadcast address",
            ":: | the unspecified address",
            "::1 | the loopback address",
            "64:ff9b:1::a00:5 | a local-use NAT64 address (64:ff9b:1::/48)",
            "100::1 | a discard-only address (100::/64)",
            "2001:2::1 | a benchmarking address (2001:2::/48)",
            "2001:db8::1 | a documentation address (2001:db8::/32)",
            "3fff::1 | a documentation address (3fff::/20)",
            "fc00::1 | a unique local address (fc00::/7)",
            "fd12:3456:789a::1 | a unique local address (fc00::/7)",
            "fe80::1 | a link-local address (fe80::/10)",
            "febf:ffff::1 | a link-local address (fe80::/10)",
            "fec0::1 | a site-local address (fec0::/10)",
            "ff02::1 | a multicast address (ff00::/8)",
            "ff05::1:3 | a multicast address (ff00::/8)"})
    void refusesEveryInternalRange(String address, String what) throws Exception {
        assertEquals(Optional.of(address + " is " + what + HOW_TO_ALLOW), strict.refusal(InetAddress.getByName(address)));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "::ffff:7f00:1 | an IPv4-mapped address of 127.0.0.1, a loopback address (127.0.0.0/8)",
            "::ffff:a9fe:a9fe | an IPv4-mapped address of 169.254.169.254, a link-local address (169.254.0.0/16, where cloud metadata services answer)",
            "::7f00:1 | an IPv4-compatible address of 127.0.0.1, a loopback address (127.0.0.0/8)",
            "::a00:5 | an IPv4-compatible address of 10.0.0.5, a private address (RFC 1918)",
            "::ffff:0:a00:5 | an IPv4-translated address of 10.0.0.5, a private address (RFC 1918)",
            "64:ff9b::a9fe:a9fe | a NAT64 address of 169.254.169.254, a link-local address (169.254.0.0/16, where cloud metadata services answer)",
            "64:ff9b::c0a8:101 | a NAT64 address of 192.168.1.1, a private address (RFC 1918)",
            "2002:a00:5::1 | a 6to4 address of 10.0.0.5, a private address (RFC 1918)",
            "2002:7f00:1:1::1 | a 6to4 address of 127.0.0.1, a loopback address (127.0.0.0/8)",
            "2001:0:a00:5::f7f7:fbfb | a Teredo address of 10.0.0.5, a private address (RFC 1918)",
            "2001:0:4136:e378:8000:63bf:80ff:fffe | a Teredo address of 127.0.0.1, a loopback address (127.0.0.0/8)"})
    void refusesIpv6FormsCarryingARefusedIpv4Address(String address, String what) throws Exception {
        assertEquals(Optional.of(address + " is " + what + HOW_TO_ALLOW), strict.refusal(ipv6(address)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.215.14", "100.63.255.255", "100.128.0.0", "126.255.255.255", "128.0.0.1",
            "169.253.255.255", "169.255.0.1", "172.15.255.255", "172.32.0.0", "192.0.1.255", "192.0.3.0", "192.167.255.255", "192.169.0.0",
            "198.17.255.255", "198.20.0.0", "223.255.255.255", "2001:4860:4860::8888", "2606:4700::1111", "2a00:1450:4001:82b::200e",
            "::ffff:808:808", "::808:808", "::ffff:0:808:808", "64:ff9b::808:808", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:fbfb"})
    void allowsPublicAddressesAndFormsCarryingPublicIpv4(String address) throws Exception {
        InetAddress parsed = address.contains(":") ? ipv6(address) : InetAddress.getByName(address);
        assertEquals(Optional.empty(), strict.refusal(parsed));
    }

    @Test
    void aScopedLinkLocalAddressIsNamedWithoutItsScope() throws Exception {
        InetAddress scoped = Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 1);
        assertEquals(Optional.of("fe80::1 is a link-local address (fe80::/10)" + HOW_TO_ALLOW), strict.refusal(scoped));
    }

    @Test
    void theAllowlistPermitsExactlyItsAddressesAndBlocks() throws Exception {
        HostDestinationPolicy policy = new HostDestinationPolicy(AllowedDestinations.parse(List.of("127.0.0.1/32", " 10.1.0.0/16 ", "::1", "")));
        assertEquals(Optional.empty(), policy.refusal(InetAddress.getByName("127.0.0.1")));
        assertEquals(Optional.empty(), policy.refusal(InetAddress.getByName("10.1.200.3")));
        assertEquals(Optional.empty(), policy.refusal(InetAddress.getByName("::1")));
        assertEquals(Optional.of("127.0.0.2 is a loopback address (127.0.0.0/8)" + HOW_TO_ALLOW), policy.refusal(InetAddress.getByName("127.0.0.2")));
        assertEquals(Optional.of("10.2.0.1 is a private address (RFC 1918)" + HOW_TO_ALLOW), policy.refusal(InetAddress.getByName("10.2.0.1")));
    }

    @Test
    void anAllowedIpv4AddressIsAllowedInTheFormsThatCarryIt() throws Exception {
        HostDestinationPolicy policy = new HostDestinationPolicy(AllowedDestinations.parse(List.of("10.0.0.5")));
        assertEquals(Optional.empty(), policy.refusal(ipv6("::ffff:a00:5")));
        assertEquals(Optional.empty(), policy.refusal(ipv6("64:ff9b::a00:5")));
    }

    @Test
    void aBlockWrittenWithHostBitsMeansTheWholeBlock() throws Exception {
        HostDestinationPolicy policy = new HostDestinationPolicy(AllowedDestinations.parse(List.of("192.168.1.77/24")));
        assertEquals(Optional.empty(), policy.refusal(InetAddress.getByName("192.168.1.1")));
        assertEquals(Optional.of("192.168.2.1 is a private address (RFC 1918)" + HOW_TO_ALLOW), policy.refusal(InetAddress.getByName("192.168.2.1")));
    }

    /** Keeps IPv4-mapped addresses in their IPv6 form, which {@link InetAddress#getByName} would turn into IPv4. */
    private static InetAddress ipv6(String literal) throws Exception {
        return Inet6Address.getByAddress(null, new inet.ipaddr.IPAddressString(literal).getAddress().getBytes(), -1);
    }
}
