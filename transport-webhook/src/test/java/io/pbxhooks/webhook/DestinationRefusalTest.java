package io.pbxhooks.webhook;

import static io.pbxhooks.webhook.TestMessages.answeredCall;
import static io.pbxhooks.webhook.TestMessages.sendOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.spi.PluginContext;
import io.pbxhooks.spi.TransportSender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real receiver on 127.0.0.1: reached only when the host's policy allows it, and never by a name that resolves to it. */
class DestinationRefusalTest {

    private final WebhookTransport transport = new WebhookTransport();
    private TestReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new TestReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aLoopbackReceiverIsRefusedAndNothingIsSent() throws Exception {
        DeliveryResult result = send(receiver.url("/hooks"), TestPolicies.context(TestPolicies.REFUSE_LOOPBACK));
        assertEquals(DeliveryResult.refused("refused: 127.0.0.1 is a loopback address; allow it with THE_ALLOWLIST"), result.withExchange(null));
        assertTrue(result.exchange().request().startsWith("POST " + receiver.url("/hooks")), result.exchange().request());
        assertEquals(List.of(), receiver.received());
    }

    @Test
    void aHostWithoutAPolicyRefusesEveryDestination() throws Exception {
        DeliveryResult result = send(receiver.url("/hooks"), new PluginContext() { });
        assertEquals(DeliveryResult.Outcome.REFUSED, result.outcome());
        assertTrue(result.detail().contains("no destination policy"), result.detail());
        assertEquals(List.of(), receiver.received());
    }

    @Test
    void theSameReceiverIsReachedWhenThePolicyAllowsIt() throws Exception {
        DeliveryResult result = send(receiver.url("/hooks"), TestPolicies.context(TestPolicies.ALLOW_ALL));
        assertEquals(DeliveryResult.succeeded(200, "HTTP 200 OK"), result.withExchange(null));
        assertEquals(1, receiver.received().size());
    }

    @Test
    void aNameResolvingToLoopbackIsRefused() throws Exception {
        DeliveryResult result = send(receiver.url("/hooks").replace("127.0.0.1", "localhost"), TestPolicies.context(TestPolicies.REFUSE_LOOPBACK));
        assertEquals(DeliveryResult.Outcome.REFUSED, result.outcome());
        assertTrue(result.detail().startsWith("refused: localhost resolves to a disallowed address: "), result.detail());
        assertTrue(result.detail().endsWith(" is a loopback address; allow it with THE_ALLOWLIST"), result.detail());
        assertEquals(List.of(), receiver.received());
    }

    @Test
    void anOddLiteralFormOfLoopbackIsRefused() throws Exception {
        DeliveryResult result = send(receiver.url("/hooks").replace("127.0.0.1", "2130706433"), TestPolicies.context(TestPolicies.REFUSE_LOOPBACK));
        assertEquals(DeliveryResult.refused("refused: 127.0.0.1 is a loopback address; allow it with THE_ALLOWLIST"), result.withExchange(null));
        assertEquals(List.of(), receiver.received());
    }

    @Test
    void anIpv6LoopbackLiteralIsRefused() throws Exception {
        DeliveryResult result = send("http://[::1]:9/hooks", TestPolicies.context(TestPolicies.REFUSE_LOOPBACK));
        assertEquals(DeliveryResult.refused("refused: 0:0:0:0:0:0:0:1 is a loopback address; allow it with THE_ALLOWLIST"), result.withExchange(null));
    }

    private DeliveryResult send(String url, PluginContext context) throws Exception {
        try (TransportSender sender = transport.createSender(TestConfig.empty().set("request_url", url).build(), context)) {
            return sendOnce(sender, answeredCall());
        }
    }
}
