package io.pbxhooks.server.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the database: a node whose database becomes unreachable (every connection cut by a proxy) stops
 * being ready — gRPC health NOT_SERVING, HTTP readiness 503 — while staying alive, refuses events with UNAVAILABLE,
 * and is ready again on its own when the database comes back.
 */
class ReadinessTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void readinessFollowsTheDatabaseAndRecoversOnItsOwn() throws Exception {
        assumeTrue(TestDatabase.kinds().contains(TestDatabase.Kind.MARIADB), "needs MariaDB behind a proxy (PBXHOOKS_TEST_MARIADB=true)");
        TestDatabase database = TestDatabase.create(TestDatabase.Kind.MARIADB);
        String url = (String) database.serverProperties().get("pbxhooks.datasource.url");
        try (TcpProxy proxy = new TcpProxy(URI.create(url.substring("jdbc:".length())).getPort())) {
            Map<String, Object> properties = new HashMap<>(Map.of("pbxhooks.operator-key", AdminTestServer.OPERATOR_KEY,
                    "pbxhooks.health.check-interval", "200ms"));
            properties.put("pbxhooks.datasource.url", url.replace(":3306/", ":" + proxy.port() + "/"));
            try (AdminTestServer api = new AdminTestServer(TestServer.start(database, properties))) {
                TestServer server = api.server();
                String accountId = "ready-" + System.nanoTime();
                api.createAccountWithAdmin(accountId);
                String producerKey = api.createKey(accountId, ApiKey.Role.PRODUCER).getSecret();
                assertEquals(ServingStatus.SERVING, grpcHealth(server));
                assertEquals(200, http(server, "/health/readiness"));

                long cutAt = System.nanoTime();
                proxy.cut();
                await("not ready while the database is unreachable", () -> grpcHealth(server) == ServingStatus.NOT_SERVING
                        && http(server, "/health/readiness") == 503);
                System.out.printf("not ready %d ms after the database became unreachable%n", (System.nanoTime() - cutAt) / 1_000_000);
                assertEquals(200, http(server, "/health/liveness"), "still alive: nothing to restart");
                StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> publish(api, accountId, producerKey));
                assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused::toString);

                long restoredAt = System.nanoTime();
                proxy.restore();
                await("ready again once the database is back", () -> grpcHealth(server) == ServingStatus.SERVING
                        && http(server, "/health/readiness") == 200);
                System.out.printf("ready again %d ms after the database came back%n", (System.nanoTime() - restoredAt) / 1_000_000);
                assertEquals(PublishResponse.Outcome.ACCEPTED, publish(api, accountId, producerKey).getOutcome());
            }
        }
    }

    private static PublishResponse publish(AdminTestServer api, String accountId, String producerKey) {
        return api.ingest(producerKey).publishOne(io.pbxhooks.ingest.v1.PublishRequest.newBuilder()
                .setEventId("evt-" + System.nanoTime()).setAccountId(accountId).setServiceType("hosted-pbx")
                .setOccurredAt(com.google.protobuf.util.Timestamps.fromMillis(System.currentTimeMillis()))
                .setPayload(com.google.protobuf.Any.pack(io.pbxhooks.hostedpbx.v1.CallEvent.newBuilder()
                        .setKind(io.pbxhooks.hostedpbx.v1.CallEvent.Kind.CALL_STARTED)
                        .setDirection(io.pbxhooks.hostedpbx.v1.CallEvent.Direction.INBOUND).setCallUuid("call-1").build()))
                .build());
    }

    private static ServingStatus grpcHealth(TestServer server) {
        return HealthGrpc.newBlockingStub(server.channel()).check(HealthCheckRequest.getDefaultInstance()).getStatus();
    }

    private static int http(TestServer server, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + ": not within 20 s");
    }
}
