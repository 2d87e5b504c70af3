package io.pbxhooks.server.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Any;
import com.google.protobuf.util.Timestamps;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.pbxhooks.admin.auth.ApiKeySecrets;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.server.reliability.Tenants.Tenant;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.Figures;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar with {@code PBXHOOKS_LOG_FORMAT=json}: every line it writes is one JSON object, the events of note
 * (startup, plugin loaded, integration auto-disabled, delivery failed for good) are each a line, and neither a secret
 * nor a payload value ever appears.
 */
@Tag("reliability")
class StructuredLogsIT {

    private static final String CALLER_NUMBER = "+61 2 9374 4000";
    private static final String TOKEN = WebhookIntegrations.newSecret("tok_");
    private static final String PASSWORD = WebhookIntegrations.newSecret("pw_");

    @Test
    void jsonLinesWithTheEventsOfNoteAndNoSecrets(@TempDir Path dataDirectory) throws Exception {
        WireMockServer receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        receiver.stubFor(post(urlPathEqualTo("/gone")).willReturn(aResponse().withStatus(410)));
        receiver.stubFor(post(urlPathEqualTo("/rejects")).willReturn(aResponse().withStatus(400).withBody("bad request")));
        String operatorKey = ApiKeySecrets.generate();
        Path logDirectory = Path.of("target", "reliability", "structured-logs");
        try (CountingReceiver unused = new CountingReceiver();
             ServerProcess node = ServerProcess.start("json-logs", Map.of(
                     "PBXHOOKS_LOG_FORMAT", "json",
                     "pbxhooks.data-dir", dataDirectory.toString(),
                     "pbxhooks.operator-key", operatorKey,
                     "pbxhooks.allowed-destinations", "127.0.0.1/32",
                     "pbxhooks.grpc.port", "0",
                     "micronaut.server.port", "-1",
                     "pbxhooks.delivery.poll-interval", "200ms"), logDirectory)) {
            Tenant tenant;
            try (Tenants admin = new Tenants(node, operatorKey)) {
                tenant = admin.create("json-logs", Map.of(), unused);
                admin.createIntegration(tenant.adminKey(), integration("gone", receiver.url("/gone"),
                        Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.TOKEN).setToken(TOKEN)));
                admin.createIntegration(tenant.adminKey(), integration("rejects", receiver.url("/rejects"),
                        Webhook.Auth.newBuilder().setType(Webhook.Auth.Type.BASIC).setUsername("crm").setPassword(PASSWORD)));
            }
            publish(node, tenant);
            Path log = logDirectory.resolve(node.nodeId() + ".log");
            Await.until("the auto-disable and the final failure logged", Duration.ofSeconds(30), () -> {
                String text = read(log);
                return text.contains("disabled by the server") && text.contains("failed for good");
            });
            node.close();

            List<String> lines = Files.readAllLines(log);
            List<JsonObject> entries = lines.stream().map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
            entries.forEach(entry -> assertTrue(entry.has("level") && entry.has("loggerName") && entry.has("formattedMessage")
                    && entry.has("timestamp"), entry::toString));
            List<String> messages = entries.stream().map(entry -> entry.get("formattedMessage").getAsString()).toList();
            assertOneLine(messages, "gRPC listening on port");
            assertOneLine(messages, "service types [hosted-pbx]");
            assertOneLine(messages, "transports [webhook]");
            assertOneLine(messages, "disabled by the server");
            assertOneLine(messages, "failed for good");
            String all = String.join("\n", lines);
            for (String secret : List.of(operatorKey, tenant.adminKey(), tenant.producerKey(), TOKEN, PASSWORD)) {
                assertFalse(all.contains(secret), "a secret in the log");
            }
            assertFalse(all.contains(CALLER_NUMBER), "a payload value in the log");
            Figures.print("== Structured logs: %d JSON lines from one run (startup, plugins, auto-disable, failed delivery), no secret or payload value",
                    lines.size());
        } finally {
            receiver.stop();
        }
    }

    private static Integration.Builder integration(String name, String url, Webhook.Auth.Builder auth) {
        return Integration.newBuilder().setName(name).setType("webhook").setTriggerServiceType("hosted-pbx")
                .setTriggerEvent("inbound_call_received")
                .setWebhook(Webhook.newBuilder().setRequestUrl(url).setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON).setAuth(auth))
                .addFieldMappings(WebhookIntegrations.mapping("caller", "source_number"));
    }

    private static void publish(ServerProcess node, Tenant tenant) throws InterruptedException {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", node.grpcPort()).usePlaintext().build();
        try {
            CallEvent call = CallEvent.newBuilder().setKind(CallEvent.Kind.CALL_STARTED).setDirection(CallEvent.Direction.INBOUND)
                    .setCallUuid("a1b2c3d4-0000-4000-8000-00000000cafe").setSourceNumber(CALLER_NUMBER).setDestinationNumber("+61 2 8000 0000")
                    .build();
            int deliveries = AdminTestServer.withKey(EventIngestServiceGrpc.newBlockingStub(channel), tenant.producerKey())
                    .withDeadlineAfter(30, TimeUnit.SECONDS)
                    .publishOne(PublishRequest.newBuilder().setEventId("logged-1").setAccountId(tenant.accountId()).setServiceType("hosted-pbx")
                            .setOccurredAt(Timestamps.fromMillis(System.currentTimeMillis())).setPayload(Any.pack(call)).build())
                    .getDeliveries();
            assertEquals(2, deliveries);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertOneLine(List<String> messages, String text) {
        assertTrue(messages.stream().anyMatch(message -> message.contains(text)), () -> "no line with \"" + text + "\" in " + messages);
    }
}
