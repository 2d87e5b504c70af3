package io.pbxhooks.webhook;

import inet.ipaddr.AddressStringParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The addresses a URL's host means when it is an IP address literal, found without any DNS lookup; none for a host
 * name. An IPv4 literal is read both as Java reads it (decimal parts: {@code 2130706433}, {@code 127.1},
 * {@code 0177.0.0.1} is 177.0.0.1) and as C's {@code inet_aton} does (hex and octal parts: {@code 0x7f.1},
 * {@code 0177.0.0.1} is 127.0.0.1), because the system resolver a name lookup falls back to may do either.
 */
final class HostLiterals {

    private static final IPAddressStringParameters JAVA_IPV4 = ipv4(false);
    private static final IPAddressStringParameters INET_ATON_IPV4 = ipv4(true);
    private static final IPAddressStringParameters IPV6 = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowPrefix(false).allowMask(false).allowPrefixOnly(false).allowAll(false).allowIPv4(false)
            .setRangeOptions(AddressStringParameters.RangeParameters.NO_RANGE).toParams();

    private HostLiterals() {
    }

    /** @param host a URL's host as {@link java.net.URI#getHost()} gives it (IPv6 literals in brackets) or without the brackets */
    static List<InetAddress> addresses(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (literal.contains(":")) {
            int zone = literal.indexOf('%');
            return parse(zone < 0 ? literal : literal.substring(0, zone), IPV6).stream().toList();
        }
        Set<InetAddress> meanings = new LinkedHashSet<>();
        parse(literal, JAVA_IPV4).ifPresent(meanings::add);
        parse(literal, INET_ATON_IPV4).ifPresent(meanings::add);
        return List.copyOf(meanings);
    }

    static boolean isLiteral(String host) {
        return !addresses(host).isEmpty();
    }

    private static Optional<InetAddress> parse(String text, IPAddressStringParameters parameters) {
        IPAddress address = new IPAddressString(text, parameters).getAddress();
        if (address == null) {
            return Optional.empty();
        }
        try {
            // As the JDK makes it, so an IPv4-mapped IPv6 literal becomes the IPv4 address it is.
            return Optional.of(InetAddress.getByAddress(address.getBytes()));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("an IP address has 4 or 16 bytes", impossible);
        }
    }

    private static IPAddressStringParameters ipv4(boolean hexAndOctal) {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
                .allowEmpty(false).allowPrefix(false).allowMask(false).allowPrefixOnly(false).allowAll(false).allowIPv6(false)
                .allowSingleSegment(true).allowWildcardedSeparator(false).setRangeOptions(AddressStringParameters.RangeParameters.NO_RANGE);
        builder.getIPv4AddressParametersBuilder().allow_inet_aton(true).allow_inet_aton_joined_segments(true)
                .allow_inet_aton_hex(hexAndOctal).allow_inet_aton_octal(hexAndOctal).allowLeadingZeros(true).allowBinary(false);
        return builder.toParams();
    }
}
