package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.client.HttpClient;
import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.spi.TransportSender;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SharedHttpClientTest {

    @Test
    void isOpenWhileAnyLeaseIsAndClosesWithTheLast() {
        SharedHttpClient shared = new SharedHttpClient(HttpClients::create);
        assertFalse(shared.isOpen());
        SharedHttpClient.Lease first = shared.lease(new ClientSettings(TestPolicies.ALLOW_ALL, List.of()));
        SharedHttpClient.Lease second = shared.lease(new ClientSettings(TestPolicies.ALLOW_ALL, List.of()));
        assertSame(first.client(), second.client());
        HttpClient client = first.client();
        first.close();
        first.close();
        assertTrue(shared.isOpen(), "closing one lease twice must not release the other");
        assertTrue(client.isRunning());
        second.close();
        assertFalse(shared.isOpen());
        assertFalse(client.isRunning());
        try (SharedHttpClient.Lease again = shared.lease(new ClientSettings(TestPolicies.ALLOW_ALL, List.of()))) {
            assertNotSame(client, again.client());
        }
    }

    @Test
    void sendersUnderAnotherDestinationPolicyGetAnotherClient() {
        SharedHttpClient shared = new SharedHttpClient(HttpClients::create);
        try (SharedHttpClient.Lease allowing = shared.lease(new ClientSettings(TestPolicies.ALLOW_ALL, List.of()));
             SharedHttpClient.Lease refusing = shared.lease(new ClientSettings(TestPolicies.REFUSE_LOOPBACK, List.of()))) {
            assertNotSame(allowing.client(), refusing.client());
            refusing.close();
            assertTrue(allowing.client().isRunning());
        }
        assertFalse(shared.isOpen());
    }

    @Test
    void theSendersOfATransportShareOneClientUntilTheLastCloses() {
        SharedHttpClient shared = new SharedHttpClient(HttpClients::create);
        WebhookTransport transport = new WebhookTransport(shared);
        TransportSender first = transport.createSender(TestConfig.minimal().build(), TestMessages.CONTEXT);
        TransportSender second = transport.createSender(TestConfig.minimal().set("timeout", "500").build(), TestMessages.CONTEXT);
        first.close();
        first.close();
        assertTrue(shared.isOpen());
        second.close();
        assertFalse(shared.isOpen());
    }

    @Test
    void aClosedSenderRefusesToSend() {
        TransportSender sender = new WebhookTransport().createSender(TestConfig.minimal().build(), TestMessages.CONTEXT);
        sender.close();
        CompletableFuture<DeliveryResult> result = sender.send(TestMessages.answeredCall()).toCompletableFuture();
        assertTrue(result.isCompletedExceptionally());
    }
}
