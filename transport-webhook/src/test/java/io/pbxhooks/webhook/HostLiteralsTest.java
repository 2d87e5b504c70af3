package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostLiteralsTest {

    @ParameterizedTest(name = "{0} means {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1 | 127.0.0.1",
            "2130706433 | 127.0.0.1",
            "127.1 | 127.0.0.1",
            "0x7f000001 | 127.0.0.1",
            "0x7f.0.0.1 | 127.0.0.1",
            "017700000001 | 127.0.0.1",
            "0177.0.0.1 | 177.0.0.1 127.0.0.1",
            "123 | 0.0.0.123",
            "169.254.169.254 | 169.254.169.254",
            "[::1] | ::1",
            "::1 | ::1",
            "[fe80::1%25eth0] | fe80::1",
            "[::ffff:169.254.169.254] | 169.254.169.254",
            "[64:ff9b::a00:5] | 64:ff9b::a00:5"})
    void readsEveryLiteralFormTheWayJavaAndInetAtonDo(String host, String meanings) throws Exception {
        List<InetAddress> expected = Arrays.stream(meanings.split(" ")).map(HostLiteralsTest::address).toList();
        assertEquals(expected, HostLiterals.addresses(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "localhost", "1e100.net", "1.2.3.4.5", "4294967296", "0x", "xn--bcher-kva.example"})
    void aHostNameIsNoLiteral(String host) {
        assertEquals(List.of(), HostLiterals.addresses(host));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException notALiteral) {
            throw new AssertionError(notALiteral);
        }
    }
}
