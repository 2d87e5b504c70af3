package io.pbxhooks.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.server.testing.TestDatabase;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An administrator follows a webhook that fails, looks at its attempts and sends it again once the receiver is fixed. */
class CliDeliveriesTest {

    /** Three attempts within a second, then the delivery fails. */
    private static final Map<String, Object> FAST_RETRIES = Map.of(
            "pbxhooks.delivery.retry-delays", "300ms,600ms",
            "pbxhooks.delivery.poll-interval", "100ms");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedDeliveryIsShownWithItsAttemptsAndRedelivered(TestDatabase.Kind database) throws Exception {
        try (CliTestServer server = CliTestServer.start(database, FAST_RETRIES); StatusReceiver receiver = StatusReceiver.answering(500)) {
            String adminKey = server.createAccountWithAdminKey("acme");
            String producerKey = server.createKey("acme", "producer");
            ok(server.run(adminKey, "accounts", "enable-app"));
            String integrationId = ok(server.run(adminKey, "integrations", "create", "--name", "CRM", "--event", "inbound_call_answered",
                    "--url", receiver.url(), "--map", "extension=extension_number", "--signing-secret", signingSecret())).detail("Integration");

            Cli.Run failingTest = server.run(adminKey, "integrations", "test", integrationId);
            assertEquals(ExitCodes.FAILED, failingTest.exitCode(), failingTest.transcript());
            assertTrue(failingTest.detail("Outcome").endsWith("HTTP 500"), failingTest.transcript());

            ok(server.run(producerKey, "simulate", "--accounts", "acme", "--calls", "1", "--scenarios", "answered"));
            String deliveryId = failedDelivery(eventually("a failed delivery of the call",
                    () -> server.run(adminKey, "deliveries", "list", "--state", "failed"), run -> failedDelivery(run) != null));

            Cli.Run failed = ok(server.run(adminKey, "deliveries", "show", deliveryId));
            assertEquals("failed", failed.detail("State"), failed.transcript());
            assertEquals("3", failed.detail("Attempts"), failed.transcript());
            assertEquals(List.of("retryable, HTTP 500", "retryable, HTTP 500", "retryable, HTTP 500"), outcomes(failed), failed.transcript());

            receiver.answer(204);
            assertEquals("Queued delivery " + deliveryId + " again.", ok(server.run(adminKey, "deliveries", "redeliver", deliveryId)).out().strip());
            Cli.Run delivered = eventually("the redelivery", () -> server.run(adminKey, "deliveries", "show", deliveryId),
                    run -> run.out().contains("\nState:") && run.detail("State").equals("succeeded"));
            assertEquals("succeeded, HTTP 204", outcomes(delivered).get(outcomes(delivered).size() - 1), delivered.transcript());
            assertEquals(0, server.run(adminKey, "integrations", "test", integrationId).exitCode(), "a 204 receiver accepts the test");

            assertEquals("(none)", ok(server.run(adminKey, "accounts", "disable-app")).detail("Applications"));
            Cli.Run account = ok(server.run(adminKey, "accounts", "show"));
            assertEquals("acme", account.detail("Account"), account.transcript());
            assertEquals("(none)", account.detail("Applications"), account.transcript());

            assertEquals("Standard Webhooks (secret set)", ok(server.run(adminKey, "integrations", "show", integrationId)).detail("Signing"));
            Cli.Run cleared = ok(server.run(adminKey, "integrations", "update", integrationId, "--clear-secret", "webhook.signing_secret"));
            assertFalse(cleared.out().contains("Signing:"), cleared.transcript());
            assertFalse(ok(server.run(adminKey, "integrations", "show", integrationId)).out().contains("Signing:"), "stored without it");
        }
    }

    /** The id of the simulated call's failed delivery in a {@code deliveries list}, or null. */
    private static String failedDelivery(Cli.Run list) {
        Matcher row = Pattern.compile("(?m)^(\\S+) +\\S+ +inbound_call_answered +failed +3 +HTTP 500").matcher(list.out());
        return row.find() ? row.group(1) : null;
    }

    private static List<String> outcomes(Cli.Run show) {
        return Pattern.compile("(?m)^Outcome:\\s+(.*)$").matcher(show.out()).results().map(result -> result.group(1).trim()).toList();
    }

    private static String signingSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static Cli.Run ok(Cli.Run run) {
        assertEquals(0, run.exitCode(), run.transcript());
        return run;
    }

    private static Cli.Run eventually(String what, Supplier<Cli.Run> command, Predicate<Cli.Run> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Cli.Run last = command.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "; last:\n" + last.transcript());
            }
            Thread.sleep(200);
            last = command.get();
        }
        return last;
    }
}
