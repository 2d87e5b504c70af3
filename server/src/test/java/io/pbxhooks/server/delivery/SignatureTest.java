package io.pbxhooks.server.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_ANSWERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signed deliveries — a JSON body, a form body, a GET (empty body) and a retried one — verify the way a receiver
 * checks them: by the Standard Webhooks recipe in Java, and by the {@code standardwebhooks} npm library in Node
 * ({@code src/test/node/verify-webhook.mjs}) when {@code PBXHOOKS_TEST_NODE_MODULES} is set: it must then name a
 * node_modules directory holding that library (CI sets it); without it the Node check is skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureTest {

    private static final String NODE_MODULES = System.getenv("PBXHOOKS_TEST_NODE_MODULES");
    private static final Path VERIFIER = Path.of("src/test/node/verify-webhook.mjs");

    private final DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase();
    private final Receiver receiver = new Receiver();
    private final String secret = WebhookIntegrations.newSigningSecret();

    @AfterAll
    void stop() throws Exception {
        servers.close();
        receiver.close();
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void signaturesAreTheStandardWebhooksHmac(TestDatabase.Kind database) {
        List<LoggedRequest> requests = signedRequests(database, CallEvents.newCallUuid());
        for (LoggedRequest request : requests) {
            String timestamp = request.getHeader("webhook-timestamp");
            assertTrue(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond()) < 60, timestamp);
            assertEquals(StandardWebhooks.signature(secret, request.getHeader("webhook-id"), timestamp, request.getBody()),
                    request.getHeader("webhook-signature"), request.getUrl());
        }
        LoggedRequest first = requests.get(requests.size() - 2);
        LoggedRequest retry = requests.get(requests.size() - 1);
        assertEquals(first.getHeader("webhook-id"), retry.getHeader("webhook-id"), "a retry keeps its webhook-id");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theStandardwebhooksLibraryVerifiesThem(TestDatabase.Kind database) throws Exception {
        Assumptions.assumeTrue(NODE_MODULES != null, "PBXHOOKS_TEST_NODE_MODULES is not set: the Node check is skipped");
        assertTrue(Files.isDirectory(Path.of(NODE_MODULES, "standardwebhooks")), "PBXHOOKS_TEST_NODE_MODULES=" + NODE_MODULES
                + " holds no standardwebhooks (npm install --prefix <dir> standardwebhooks, then point it at <dir>/node_modules)");
        String callUuid = CallEvents.newCallUuid();
        List<LoggedRequest> requests = signedRequests(database, callUuid);
        List<String> cases = new ArrayList<>();
        for (int index = 0; index < requests.size(); index++) {
            LoggedRequest request = requests.get(index);
            cases.add(verificationCase("request-" + index, secret, request, request.getBody()));
        }
        LoggedRequest json = requests.get(0);
        byte[] tampered = json.getBodyAsString().replace("0042", "0043").getBytes(StandardCharsets.UTF_8);
        cases.add(verificationCase("tampered", secret, json, tampered));
        cases.add(verificationCase("wrong-secret", WebhookIntegrations.newSigningSecret(), json, json.getBody()));

        List<String> verdicts = runNode(cases);
        assertEquals(requests.size() + 2, verdicts.size(), () -> String.join("\n", verdicts));
        assertEquals("request-0 verified {\"call\":\"" + callUuid + "\",\"agent\":\"Zoë Nguyen\",\"ext\":\"0042\"}", verdicts.get(0));
        for (int index = 1; index < requests.size(); index++) {
            assertEquals("request-" + index + " verified null", verdicts.get(index));
        }
        assertEquals("tampered rejected: No matching signature found", verdicts.get(requests.size()));
        assertEquals("wrong-secret rejected: No matching signature found", verdicts.get(requests.size() + 1));
    }

    /**
     * One account's signed requests, in this order: POST JSON, POST form, GET, then a form POST answered 503 and
     * its retry (signed again, with the same webhook-id).
     */
    private List<LoggedRequest> signedRequests(TestDatabase.Kind database, String callUuid) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String prefix = "/" + account.id() + "/";
        receiver.stubFor(WireMock.post(urlPathEqualTo(prefix + "retried")).inScenario(account.id()).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serviceUnavailable()).willSetStateTo("recovered"));
        List<String> paths = List.of("json", "form", "get", "retried");
        for (String path : paths) {
            Webhook.Builder webhook = Webhook.newBuilder().setRequestUrl(receiver.url(prefix + path)).setSigningSecret(secret)
                    .setMethod(path.equals("get") ? Webhook.Method.GET : Webhook.Method.POST)
                    .setFormat(path.equals("json") ? Webhook.Format.JSON : Webhook.Format.QUERY);
            harness.create(account, Integration.newBuilder().setName(path).setType("webhook").setTriggerServiceType(CallEvents.HOSTED_PBX)
                    .setTriggerEvent(INBOUND_CALL_ANSWERED).setWebhook(webhook)
                    .addFieldMappings(WebhookIntegrations.mapping("call", "call_uuid"))
                    .addFieldMappings(WebhookIntegrations.mapping("agent", "name"))
                    .addFieldMappings(WebhookIntegrations.mapping("ext", "extension_number")));
        }
        harness.publishOne(account, CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_ANSWERED, callUuid)));
        List<LoggedRequest> requests = new ArrayList<>();
        for (String path : paths) {
            requests.addAll(receiver.awaitRequests(prefix + path, path.equals("retried") ? 2 : 1));
        }
        assertEquals(0, requests.get(2).getBody().length, "a GET has no body");
        return requests;
    }

    private static String verificationCase(String name, String secret, LoggedRequest request, byte[] body) {
        String headers = request.getHeaders().all().stream()
                .map(header -> quote(header.key()) + ":" + quote(header.firstValue()))
                .collect(Collectors.joining(",", "{", "}"));
        boolean json = "application/json".equals(request.getHeader("Content-Type"));
        return "{\"name\":" + quote(name) + ",\"secret\":" + quote(secret) + ",\"headers\":" + headers
                + ",\"bodyBase64\":" + quote(Base64.getEncoder().encodeToString(body)) + ",\"json\":" + json + "}";
    }

    private static List<String> runNode(List<String> cases) throws Exception {
        Path file = Files.createTempFile("webhook-cases", ".json");
        try {
            Files.writeString(file, cases.stream().collect(Collectors.joining(",\n", "[", "]")));
            ProcessBuilder node = new ProcessBuilder("node", VERIFIER.toAbsolutePath().toString(), file.toString()).redirectErrorStream(true);
            node.environment().put("PBXHOOKS_TEST_NODE_MODULES", NODE_MODULES);
            Process process = node.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "node did not finish");
            assertEquals(0, process.exitValue(), output);
            return output.lines().toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
