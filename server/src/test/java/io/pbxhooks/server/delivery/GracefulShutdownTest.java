package io.pbxhooks.server.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_ANSWERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A node shutting down (its context closed, which SIGTERM does too) while it sends: the attempt in progress finishes and
 * is recorded, the delivery it claimed and had not started goes back at once, an open Publish stream ends with
 * UNAVAILABLE with what it acknowledged committed, and readiness says so meanwhile; an attempt longer than the grace
 * period is left to its lease. One receiver at a time (max-in-flight-per-destination 1) keeps a second delivery
 * claimed but waiting.
 */
class GracefulShutdownTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void attemptsInProgressFinishWhatWaitsGoesBackAndStreamsEndUnavailable(TestDatabase.Kind database) throws Exception {
        Duration grace = Duration.ofSeconds(10);
        try (Receiver receiver = new Receiver();
             DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase(settings(grace))) {
            DeliveryHarness harness = servers.on(database);
            TestServer server = harness.api().server();
            TestAccount account = harness.newAccount();
            String path = heldReceiver(receiver, account, 2_500);
            harness.create(account, answeredCallsTo(receiver.url(path)));
            publishAnsweredCall(harness, account);
            publishAnsweredCall(harness, account);
            String sentId = receiver.awaitRequests(path, 1).get(0).getHeader("webhook-id");
            Eventually.await("the second delivery claimed, waiting for the receiver", () -> server.queryForLong(
                    "SELECT COUNT(*) FROM deliveries WHERE state = 'IN_FLIGHT' AND account_id = '" + account.id() + "'"), count -> count == 2);

            TestAccount producer = harness.newAccount(); // no integrations: its events queue nothing
            BlockingQueue<ServingStatus> health = watchHealth(server);
            assertEquals(ServingStatus.SERVING, health.poll(5, TimeUnit.SECONDS));
            PublishRequest acknowledged = CallEvents.publish(producer.id(), CallEvents.firing(INBOUND_CALL_ANSWERED, CallEvents.newCallUuid()));
            Duration took;
            try (OpenPublishStream stream = new OpenPublishStream(harness.api().ingestStream(producer.producerKey()))) {
                assertEquals(PublishResponse.Outcome.ACCEPTED, stream.publish(acknowledged).getOutcome());

                long start = System.nanoTime();
                CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> server.context().close());
                assertEquals(Status.Code.UNAVAILABLE, stream.endedWith().getCode(), "the open stream ends, producers go elsewhere");
                assertEquals(503, readiness(server), "not ready while shutting down");
                assertEquals(ServingStatus.NOT_SERVING, health.poll(5, TimeUnit.SECONDS));
                shutdown.get(grace.toSeconds() + 20, TimeUnit.SECONDS);
                took = Duration.ofNanos(System.nanoTime() - start);
            }

            RowsAfterShutdown rows = new RowsAfterShutdown(server);
            assertEquals("SUCCEEDED", rows.row("SELECT state FROM deliveries WHERE id = ?", sentId).get("state"), "the attempt in progress finished");
            assertEquals(1, rows.count("SELECT COUNT(*) FROM delivery_attempts WHERE delivery_id = ? AND outcome = 'SUCCEEDED'", sentId));
            Map<String, Object> waiting = rows.row("SELECT id, state, lease_owner, attempt_count FROM deliveries WHERE account_id = ? AND id <> ?",
                    account.id(), sentId);
            assertEquals("PENDING", waiting.get("state"), "the unstarted delivery is given back: " + waiting);
            assertNull(waiting.get("lease_owner"), "no lease left to wait for: " + waiting);
            assertEquals(0, ((Number) waiting.get("attempt_count")).intValue(), "no attempt counted: " + waiting);
            assertEquals(1, receiver.requests(path).size(), "the unstarted delivery was not sent");
            assertEquals(1, rows.count("SELECT COUNT(*) FROM events WHERE account_id = ? AND event_id = ?", producer.id(), acknowledged.getEventId()),
                    "the acknowledged event is committed");
            assertTrue(took.compareTo(grace) < 0, "done when the attempt finished, not at the end of the grace period: " + took);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAttemptLongerThanTheGracePeriodIsLeftToItsLease(TestDatabase.Kind database) throws Exception {
        Duration grace = Duration.ofSeconds(1);
        long heldMillis = 6_000;
        try (Receiver receiver = new Receiver();
             DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase(settings(grace))) {
            DeliveryHarness harness = servers.on(database);
            TestServer server = harness.api().server();
            TestAccount account = harness.newAccount();
            String path = heldReceiver(receiver, account, heldMillis);
            harness.create(account, answeredCallsTo(receiver.url(path)));
            publishAnsweredCall(harness, account);
            String sentId = receiver.awaitRequests(path, 1).get(0).getHeader("webhook-id");

            long start = System.nanoTime();
            server.context().close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            RowsAfterShutdown rows = new RowsAfterShutdown(server);
            Map<String, Object> abandoned = rows.row("SELECT state, lease_owner FROM deliveries WHERE id = ?", sentId);
            assertEquals("IN_FLIGHT", abandoned.get("state"), "nothing recorded: " + abandoned);
            assertNotNull(abandoned.get("lease_owner"), "its lease ends, then another node sends it: " + abandoned);
            assertEquals(0, rows.count("SELECT COUNT(*) FROM delivery_attempts WHERE delivery_id = ?", sentId));
            assertTrue(took.compareTo(grace) >= 0 && took.toMillis() < heldMillis - 1_000,
                    "waited the grace period, not for the attempt: " + took);
        }
    }

    private static Map<String, Object> settings(Duration grace) {
        return Map.of("pbxhooks.delivery.poll-interval", "100ms",
                "pbxhooks.delivery.max-in-flight-per-destination", 1,
                "pbxhooks.shutdown.grace-period", grace.toMillis() + "ms");
    }

    private static String heldReceiver(Receiver receiver, TestAccount account, long heldMillis) {
        String path = "/" + account.id() + "/held";
        receiver.stubFor(any(urlPathEqualTo(path)).willReturn(ok().withFixedDelay((int) heldMillis)));
        return path;
    }

    private static Integration.Builder answeredCallsTo(String url) {
        return WebhookIntegrations.answeredCalls("held").setWebhook(
                WebhookIntegrations.answeredCalls("").getWebhook().toBuilder().setRequestUrl(url).clearPathArguments());
    }

    private static void publishAnsweredCall(DeliveryHarness harness, TestAccount account) {
        PublishResponse response = harness.publishOne(account, CallEvents.publish(account.id(),
                CallEvents.firing(INBOUND_CALL_ANSWERED, CallEvents.newCallUuid())));
        assertEquals(1, response.getDeliveries());
    }

    private static BlockingQueue<ServingStatus> watchHealth(TestServer server) {
        BlockingQueue<ServingStatus> statuses = new LinkedBlockingQueue<>();
        HealthGrpc.newStub(server.channel()).watch(HealthCheckRequest.getDefaultInstance(), new StreamObserver<>() {
            @Override
            public void onNext(HealthCheckResponse response) {
                statuses.add(response.getStatus());
            }

            @Override
            public void onError(Throwable ended) {
            }

            @Override
            public void onCompleted() {
            }
        });
        return statuses;
    }

    private static int readiness(TestServer server) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/health/readiness")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
