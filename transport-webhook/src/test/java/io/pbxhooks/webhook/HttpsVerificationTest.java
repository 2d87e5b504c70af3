package io.pbxhooks.webhook;

import static io.pbxhooks.webhook.TestMessages.answeredCall;
import static io.pbxhooks.webhook.TestMessages.sendOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.spi.DestinationPolicy;
import io.pbxhooks.spi.PluginContext;
import io.pbxhooks.spi.TransportSender;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deliveries over HTTPS verify the receiver's certificate against the JDK's trust store plus the host's extra
 * authorities: a receiver whose certificate a private CA signed is not reached until that CA is given, and never when
 * its certificate names another host. Every refusal is a retryable attempt that says the certificate was not accepted.
 */
class HttpsVerificationTest {

    private static final TestCertificates.Issued PRIVATE_CA = TestCertificates.authority("pbxhooks test private CA");
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();
    private static final AtomicInteger ANSWERED = new AtomicInteger();
    private static HttpsServer receiver;
    private static HttpsServer otherHostReceiver;

    @BeforeAll
    static void startReceivers() throws Exception {
        receiver = start(TestCertificates.server(PRIVATE_CA, "localhost", "127.0.0.1"));
        otherHostReceiver = start(TestCertificates.server(PRIVATE_CA, "hooks.example.com"));
    }

    @AfterAll
    static void stopReceivers() {
        receiver.stop(0);
        otherHostReceiver.stop(0);
        EXECUTOR.shutdownNow();
    }

    @Test
    void aCertificateOfAnUnknownAuthorityIsNotAccepted() throws Exception {
        DeliveryResult result = send(receiver, List.of());
        assertEquals(DeliveryResult.Outcome.RETRYABLE, result.outcome());
        assertEquals(0, result.statusCode());
        assertTrue(result.detail().startsWith("TLS certificate not accepted: "), result.detail());
        assertTrue(result.detail().contains("certification path"), result.detail());
    }

    @Test
    void theHostsExtraAuthorityIsTrusted() throws Exception {
        int before = ANSWERED.get();
        DeliveryResult result = send(receiver, List.of(PRIVATE_CA.certificate()));
        assertEquals(DeliveryResult.Outcome.SUCCEEDED, result.outcome(), result::detail);
        assertEquals(before + 1, ANSWERED.get());
    }

    @Test
    void aTrustedCertificateForAnotherHostIsNotAccepted() throws Exception {
        DeliveryResult result = send(otherHostReceiver, List.of(PRIVATE_CA.certificate()));
        assertEquals(DeliveryResult.Outcome.RETRYABLE, result.outcome());
        assertTrue(result.detail().startsWith("TLS certificate not accepted: "), result.detail());
    }

    @Test
    void anExtraAuthorityAddsToTheDefaultTrustInsteadOfReplacingIt() {
        assertNull(TrustedAuthorities.factory(List.of()), "no extra authority: the JDK's default trust, unchanged");
        javax.net.ssl.X509TrustManager combined = (javax.net.ssl.X509TrustManager) TrustedAuthorities.factory(List.of(PRIVATE_CA.certificate()))
                .getTrustManagers()[0];
        List<X509Certificate> issuers = List.of(combined.getAcceptedIssuers());
        assertTrue(issuers.contains(PRIVATE_CA.certificate()));
        assertTrue(issuers.size() > 1, "the JDK's own authorities are still trusted: " + issuers.size());
    }

    private static DeliveryResult send(HttpsServer server, List<X509Certificate> extraAuthorities) throws Exception {
        String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        try (TransportSender sender = new WebhookTransport().createSender(TestConfig.minimal().set("request_url", url).set("timeout", "5000").build(),
                context(extraAuthorities))) {
            return sendOnce(sender, answeredCall());
        }
    }

    private static PluginContext context(List<X509Certificate> extraAuthorities) {
        return new PluginContext() {
            @Override
            public Clock clock() {
                return TestMessages.CLOCK;
            }

            @Override
            public DestinationPolicy destinationPolicy() {
                return TestPolicies.ALLOW_ALL;
            }

            @Override
            public List<X509Certificate> extraTrustedCertificates() {
                return extraAuthorities;
            }
        };
    }

    private static HttpsServer start(TestCertificates.Issued certificate) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext(PRIVATE_CA.certificate())));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            ANSWERED.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(EXECUTOR);
        server.start();
        return server;
    }
}
