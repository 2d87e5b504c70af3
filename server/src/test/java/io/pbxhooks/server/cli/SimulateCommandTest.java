package io.pbxhooks.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code pbxhooks simulate} streams calls into a real server at the rate asked for and sums up its acknowledgements. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulateCommandTest {

    /** 12 calls of the default mix are 3 rounds of ivr (4 events), answered, outbound and pickup (2 each). */
    private static final int CALLS = 12;
    private static final int EVENTS = 3 * (4 + 2 + 2 + 2);

    private CliTestServer server;
    private String producerKey;

    @BeforeAll
    void startServer() {
        server = CliTestServer.start();
        server.createAccountWithAdminKey("acme");
        producerKey = server.createKey("acme", "producer");
    }

    @AfterAll
    void stopServer() throws InterruptedException {
        server.close();
    }

    @Test
    void publishesTheCallsAtTheRateAndCountsTheAcknowledgements() {
        long started = System.nanoTime();
        Cli.Run run = server.run(producerKey, "simulate", "--accounts", "acme", "--calls", Integer.toString(CALLS), "--rate", "20",
                "--run-id", "first", "--seed", "42");
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().startsWith("Simulated 12 calls on acme (run first): " + EVENTS + " events acknowledged in "), run.transcript());
        assertEquals(EVENTS, count(run, "accepted"));
        assertEquals(0, count(run, "duplicate"));
        assertEquals(0, count(run, "rejected"));
        assertTrue(seconds >= (CALLS - 1) / 20.0, "12 calls at 20 calls/s take at least 0.55 s, not " + seconds);
        assertTrue(eventsPerSecond(run) > 0, run.transcript());

        assertEquals(EVENTS, server.server().queryForLong("SELECT COUNT(*) FROM events WHERE account_id = 'acme' AND event_id LIKE 'sim-first-%'"));
        assertEquals(3, server.server().queryForLong("SELECT COUNT(*) FROM events WHERE account_id = 'acme' AND event_id LIKE 'sim-first-%'"
                + " AND event_type = 'outbound_call_placed'"), "one outbound call per round");
        assertEquals(3 * 2, server.server().queryForLong("SELECT COUNT(*) FROM events WHERE account_id = 'acme' AND event_id LIKE 'sim-first-%'"
                + " AND event_type = 'inbound_call_answered'"), "ivr and answered calls are answered; pickups are not");
        assertEquals(3 * 2, server.server().queryForLong("SELECT COUNT(*) FROM events WHERE account_id = 'acme' AND event_id LIKE 'sim-first-%'"
                + " AND event_type IS NULL"), "the pickup and the far end answering an outbound call fire nothing");
    }

    @Test
    void theSameRunAgainIsDuplicateAndAnotherAccountIsRejected() {
        assertEquals(0, server.run(producerKey, "simulate", "--accounts", "acme", "--calls", "4", "--rate", "50", "--run-id", "again").exitCode());
        Cli.Run repeated = server.run(producerKey, "simulate", "--accounts", "acme", "--calls", "4", "--rate", "50", "--run-id", "again");
        assertEquals(0, repeated.exitCode(), repeated.transcript());
        assertEquals(10, count(repeated, "duplicate"));
        assertEquals(10, server.server().queryForLong("SELECT COUNT(*) FROM events WHERE event_id LIKE 'sim-again-%'"), "stored once");

        Cli.Run foreign = server.run(producerKey, "simulate", "--accounts", "globex", "--calls", "1", "--scenarios", "answered");
        assertEquals(ExitCodes.FAILED, foreign.exitCode(), foreign.transcript());
        assertEquals(2, count(foreign, "rejected"));
        assertTrue(foreign.out().contains("2x this producer key publishes only for account acme"), foreign.transcript());
    }

    @Test
    void badOptionsAndAnAdminKeyAreRefused() {
        Cli.Run mix = server.run(producerKey, "simulate", "--accounts", "acme", "--scenarios", "ivr=2,voicemail=1");
        assertEquals(ExitCodes.USAGE, mix.exitCode(), mix.transcript());
        assertTrue(mix.err().startsWith("--scenarios: unknown scenario 'voicemail' (known: ivr, answered, outbound, pickup)"), mix.transcript());

        assertEquals(ExitCodes.USAGE, server.run(producerKey, "simulate", "--accounts", "acme", "--rate", "0").exitCode());

        Cli.Run admin = server.run(server.createKey("acme", "admin"), "simulate", "--accounts", "acme", "--calls", "1");
        assertEquals(ExitCodes.DENIED, admin.exitCode(), admin.transcript());
    }

    private static int count(Cli.Run run, String outcome) {
        Matcher matcher = Pattern.compile("(?m)^  " + outcome + " +(\\d+)").matcher(run.out());
        assertTrue(matcher.find(), "no " + outcome + " count in\n" + run.transcript());
        return Integer.parseInt(matcher.group(1));
    }

    private static double eventsPerSecond(Cli.Run run) {
        Matcher matcher = Pattern.compile(", ([0-9.]+) events/s").matcher(run.out());
        assertTrue(matcher.find(), run.transcript());
        return Double.parseDouble(matcher.group(1));
    }
}
