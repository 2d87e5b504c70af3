package io.pbxhooks.server.ssrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.pbxhooks.admin.v1.Attempt;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.GetDeliveryRequest;
import io.pbxhooks.admin.v1.GetDeliveryResponse;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.ListDeliveriesRequest;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.SendTestEventRequest;
import io.pbxhooks.admin.v1.SendTestEventResponse;
import io.pbxhooks.ingest.v1.PublishResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.pbxhooks.server.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SSRF defence end to end: a real server, a real receiver on 127.0.0.1, the admin API and the event ingest. Without
 * an allowlist ({@code pbxhooks.allowed-destinations} empty, overriding the test servers' local allowance) deliveries
 * and test sends to it are refused and recorded as such; with it allowlisted they arrive.
 */
class DestinationRefusalServerTest {

    private static final String HOW_TO_ALLOW = "; allow it with PBXHOOKS_ALLOWED_DESTINATIONS";

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void withoutAnAllowlistALocalReceiverIsNeverReached(TestDatabase.Kind database) throws Exception {
        try (SsrfServer server = new SsrfServer(database, ""); LocalReceiver receiver = new LocalReceiver()) {
            // Names are not looked up when saving: "localhost" is saved, and refused on every connection.
            Integration integration = server.createWebhook(receiver.url("localhost", "/hooks"));

            PublishResponse published = server.publishInboundCall();
            assertEquals(PublishResponse.Outcome.ACCEPTED, published.getOutcome(), published::toString);
            assertEquals(1, published.getDeliveries());
            GetDeliveryResponse delivery = awaitFinal(server, onlyDeliveryId(server, integration));
            assertEquals(Delivery.State.FAILED, delivery.getDelivery().getState());
            assertEquals(1, delivery.getAttemptsCount(), "a refusal is final, never retried: " + delivery.getAttemptsList());
            assertRefusedToLocalhost(delivery.getAttempts(0));
            assertEquals(delivery.getAttempts(0).getDetail(), delivery.getDelivery().getLastError());

            SendTestEventResponse test = server.integrations().sendTestEvent(SendTestEventRequest.newBuilder().setId(integration.getId()).build());
            assertEquals(Delivery.State.FAILED, test.getDelivery().getState());
            assertRefusedToLocalhost(test.getAttempt());

            assertEquals(0, receiver.requests());
            System.out.printf("DestinationRefusalServerTest [%s]: delivery to localhost refused, recorded as \"%s\"; test send refused, recorded as "
                    + "\"%s\"; receiver reached %d times%n", database, delivery.getAttempts(0).getDetail(), test.getAttempt().getDetail(), receiver.requests());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void withoutAnAllowlistALiteralInternalAddressCannotBeSaved(TestDatabase.Kind database) throws Exception {
        try (SsrfServer server = new SsrfServer(database, "")) {
            assertRefusedAtSave(database, server, "http://169.254.169.254/latest/meta-data/", "169.254.169.254 is "
                    + "a link-local address (169.254.0.0/16, where cloud metadata services answer)");
            assertRefusedAtSave(database, server, "http://2130706433:8080/hooks", "127.0.0.1 is a loopback address (127.0.0.0/8)");
            assertRefusedAtSave(database, server, "https://[fd00::5]/hooks", "fd00::5 is a unique local address (fc00::/7)");
            assertEquals(0, server.integrations().listIntegrations(ListIntegrationsRequest.getDefaultInstance()).getIntegrationsCount(),
                    "nothing half-saved");
        }
    }

    private static void assertRefusedAtSave(TestDatabase.Kind database, SsrfServer server, String requestUrl, String reason) throws Exception {
        Map<String, String> violations = violationsOfCreating(server, requestUrl);
        assertEquals(Map.of("integration.webhook.request_url", "Request URL points to an address deliveries are refused to: " + reason
                + HOW_TO_ALLOW), violations);
        System.out.printf("DestinationRefusalServerTest [%s]: saving %s refused: %s%n", database, requestUrl,
                violations.get("integration.webhook.request_url"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAllowlistedReceiverIsSavedAndReached(TestDatabase.Kind database) throws Exception {
        try (SsrfServer server = new SsrfServer(database, "127.0.0.1/32"); LocalReceiver receiver = new LocalReceiver()) {
            Integration integration = server.createWebhook(receiver.url("127.0.0.1", "/hooks"));
            server.publishInboundCall();
            GetDeliveryResponse delivery = awaitFinal(server, onlyDeliveryId(server, integration));
            assertEquals(Delivery.State.SUCCEEDED, delivery.getDelivery().getState(), delivery::toString);
            assertEquals(1, receiver.requests());
            assertEquals(Map.of("integration.webhook.request_url", "Request URL points to an address deliveries are refused to: "
                            + "127.0.0.2 is a loopback address (127.0.0.0/8)" + HOW_TO_ALLOW),
                    violationsOfCreating(server, receiver.url("127.0.0.2", "/hooks")));
        }
    }

    private static void assertRefusedToLocalhost(Attempt attempt) {
        assertEquals(Attempt.Outcome.REFUSED, attempt.getOutcome(), attempt::toString);
        assertEquals(0, attempt.getStatusCode());
        String detail = attempt.getDetail();
        // localhost may resolve to 127.0.0.1 or ::1 first; either is refused as loopback.
        assertTrue(detail.startsWith("refused: localhost resolves to a disallowed address: "), detail);
        assertTrue(detail.contains("loopback address") && detail.endsWith(HOW_TO_ALLOW), detail);
    }

    private static Map<String, String> violationsOfCreating(SsrfServer server, String requestUrl) throws Exception {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, () -> server.integrations()
                .createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(SsrfServer.webhook(requestUrl)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, failure.getStatus().getCode(), failure::toString);
        Map<String, String> violations = new LinkedHashMap<>();
        for (Any detail : StatusProto.fromThrowable(failure).getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                detail.unpack(BadRequest.class).getFieldViolationsList().forEach(violation -> violations.put(violation.getField(), violation.getDescription()));
            }
        }
        return violations;
    }

    private static String onlyDeliveryId(SsrfServer server, Integration integration) {
        List<Delivery> deliveries = server.deliveries().listDeliveries(ListDeliveriesRequest.newBuilder()
                .setIntegrationId(integration.getId()).build()).getDeliveriesList();
        assertEquals(1, deliveries.size(), deliveries::toString);
        return deliveries.get(0).getId();
    }

    private static GetDeliveryResponse awaitFinal(SsrfServer server, String deliveryId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            GetDeliveryResponse response = server.deliveries().getDelivery(GetDeliveryRequest.newBuilder().setId(deliveryId).build());
            Delivery.State state = response.getDelivery().getState();
            if (state == Delivery.State.SUCCEEDED || state == Delivery.State.FAILED) {
                return response;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("delivery " + deliveryId + " still " + state + " after 20 s: " + response);
            }
            Thread.sleep(100);
        }
    }
}
