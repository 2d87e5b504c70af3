package io.pbxhooks.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code pbxhooks demo} shows a webhook of every event type arriving, on its own server or on a running one. */
class DemoCommandTest {

    private static final List<String> EVENT_TYPES = List.of("inbound_call_received", "inbound_call_answered", "outbound_call_placed",
            "ivr_call_received", "ivr_option_selected");
    private static final Duration BOUND = Duration.ofSeconds(120);

    @Test
    void onItsOwnEmbeddedServer() {
        Cli.Run demo = assertTimeoutPreemptively(BOUND, () -> Cli.run("demo", "--calls", "8", "--rate", "20", "--wait", "60"));
        assertEveryEventTypeArrived(demo);
        assertTrue(demo.out().startsWith("Starting a pbxhooks server in this process"), demo.transcript());
    }

    @Test
    void onARunningServer() throws Exception {
        try (CliTestServer server = CliTestServer.start()) {
            Cli.Run demo = assertTimeoutPreemptively(BOUND, () -> server.run(CliTestServer.OPERATOR_KEY, "demo", "--calls", "4", "--rate", "20"));
            assertEveryEventTypeArrived(demo);
            assertTrue(demo.out().startsWith("Using the server at " + server.address()), demo.transcript());
        }
    }

    @Test
    void aKeyWithoutAServerIsAUsageError() {
        Cli.Run demo = Cli.run("demo", "--key", "pbx_unused");
        assertEquals(ExitCodes.USAGE, demo.exitCode(), demo.transcript());
    }

    @Test
    void tlsWithoutAServerIsAUsageError() {
        for (List<String> tls : List.of(List.of("--tls"), List.of("--tls-ca", "ca.pem"))) {
            Cli.Run demo = Cli.run(Stream.concat(Stream.of("demo"), tls.stream()).toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, demo.exitCode(), demo.transcript());
            assertTrue(demo.err().startsWith("--tls and --tls-ca go with --server: the demo's own server listens on 127.0.0.1 without TLS."),
                    demo.transcript());
        }
    }

    private static void assertEveryEventTypeArrived(Cli.Run demo) {
        assertEquals(0, demo.exitCode(), demo.transcript());
        assertTrue(demo.out().contains("Every event type arrived."), demo.transcript());
        for (String eventType : EVENT_TYPES) {
            Matcher received = Pattern.compile("(?m)^  " + eventType + " +(\\d+)$").matcher(demo.out());
            assertTrue(received.find() && Integer.parseInt(received.group(1)) > 0, eventType + " arrived:\n" + demo.transcript());
            assertTrue(demo.out().contains("<- POST /webhooks/" + eventType + "\n"), "each webhook is printed:\n" + demo.transcript());
        }
        assertTrue(demo.out().contains("   webhook-signature: v1,"), "with its headers:\n" + demo.transcript());
        assertTrue(demo.out().contains("\"extension_number\":\"0"), "and its body, leading zeros kept:\n" + demo.transcript());
        assertTrue(demo.out().contains("  rejected        0"), demo.transcript());
    }
}
