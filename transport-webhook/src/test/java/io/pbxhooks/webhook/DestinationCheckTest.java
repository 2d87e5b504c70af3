package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DestinationCheckTest {

    private final DestinationCheck check = new DestinationCheck(TestPolicies.REFUSE_SITE_LOCAL);

    @Test
    void aNameResolvingToAPublicAndAPrivateAddressIsRefused() throws Exception {
        List<InetAddress> addresses = List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.5"));
        assertEquals(Optional.of("refused: crm.example.com resolves to a disallowed address: 10.0.0.5 is a private address"),
                check.refusal("crm.example.com", addresses));
    }

    @Test
    void aNameResolvingToPublicAddressesOnlyIsAllowed() throws Exception {
        List<InetAddress> addresses = List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c"));
        assertEquals(Optional.empty(), check.refusal("crm.example.com", addresses));
    }

    @Test
    void aLiteralHostIsNamedOnce() throws Exception {
        assertEquals(Optional.of("refused: 10.0.0.5 is a private address"), check.refusal("10.0.0.5", List.of(InetAddress.getByName("10.0.0.5"))));
    }
}
