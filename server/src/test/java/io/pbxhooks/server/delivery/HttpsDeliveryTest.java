package io.pbxhooks.server.delivery;

import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_ANSWERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.pbxhooks.admin.v1.Attempt;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.GetDeliveryResponse;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestCertificates;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An HTTPS receiver whose certificate a private CA signed: the server does not deliver to it (each attempt recorded as a
 * certificate that was not accepted, retried, then FAILED) until the operator names that CA in
 * {@code PBXHOOKS_DELIVERY_EXTRA_CA_FILE}; then it delivers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpsDeliveryTest {

    private final TestCertificates.Issued privateAuthority = TestCertificates.authority("pbxhooks test private CA");
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger received = new AtomicInteger();
    private final HttpsServer receiver = startReceiver(TestCertificates.server(privateAuthority, "localhost", "127.0.0.1"));
    private final DeliveryHarness.PerDatabase withoutExtraAuthority = new DeliveryHarness.PerDatabase();
    private final DeliveryHarness.PerDatabase withExtraAuthority = new DeliveryHarness.PerDatabase(withCaFile(privateAuthority));

    @AfterAll
    void stop() throws Exception {
        withoutExtraAuthority.close();
        withExtraAuthority.close();
        receiver.stop(0);
        executor.shutdownNow();
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCertificateOfAnAuthorityTheServerDoesNotKnowIsRefused(TestDatabase.Kind database) {
        int before = received.get();
        GetDeliveryResponse delivery = deliverOnce(withoutExtraAuthority.on(database));
        assertEquals(Delivery.State.FAILED, delivery.getDelivery().getState());
        assertEquals(DeliveryHarness.MAX_ATTEMPTS, delivery.getAttemptsCount());
        for (Attempt attempt : delivery.getAttemptsList()) {
            assertEquals(Attempt.Outcome.RETRYABLE, attempt.getOutcome());
            assertEquals(0, attempt.getStatusCode());
            assertTrue(attempt.getDetail().startsWith("TLS certificate not accepted: "), attempt.getDetail());
        }
        assertEquals(before, received.get(), "no request may reach the receiver");
        System.out.println("HTTPS to a private CA's receiver without PBXHOOKS_DELIVERY_EXTRA_CA_FILE (" + database + "): "
                + delivery.getDelivery().getState() + " after " + delivery.getAttemptsCount() + " attempts, e.g. \""
                + delivery.getAttempts(0).getDetail() + "\"");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theOperatorsExtraAuthorityIsTrusted(TestDatabase.Kind database) {
        int before = received.get();
        GetDeliveryResponse delivery = deliverOnce(withExtraAuthority.on(database));
        assertEquals(Delivery.State.SUCCEEDED, delivery.getDelivery().getState(), delivery::toString);
        assertEquals(1, delivery.getAttemptsCount());
        assertEquals(204, delivery.getAttempts(0).getStatusCode());
        assertEquals(before + 1, received.get());
    }

    private GetDeliveryResponse deliverOnce(DeliveryHarness harness) {
        TestAccount account = harness.newAccount();
        Integration.Builder integration = WebhookIntegrations.answeredCalls("HTTPS receiver");
        integration.getWebhookBuilder().setRequestUrl("https://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
        Integration created = harness.create(account, integration);
        harness.publishOne(account, CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_ANSWERED, CallEvents.newCallUuid())));
        return harness.awaitFinal(account, harness.onlyDelivery(account, created.getId()).getId());
    }

    private static Map<String, Object> withCaFile(TestCertificates.Issued authority) {
        try {
            Path directory = Files.createTempDirectory("pbxhooks-extra-ca");
            Path file = TestCertificates.write(directory, "extra-ca.pem", authority.certificatePem());
            Map<String, Object> properties = new HashMap<>(DeliveryHarness.FAST_DELIVERY);
            properties.put("pbxhooks.delivery.extra-ca-file", file.toString());
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpsServer startReceiver(TestCertificates.Issued certificate) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext(privateAuthority.certificate())));
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                received.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.setExecutor(executor);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
