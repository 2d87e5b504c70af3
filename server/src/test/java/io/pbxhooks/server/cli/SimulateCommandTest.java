package io.pbxhooks.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.server.testing.TestDatabase;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code pbxhooks simulate} streams calls into a real server at the rate asked for and sums up its acknowledgements. */
@ParameterizedClass
@MethodSource("databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulateCommandTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    /** 12 calls of the default mix are 3 rounds of ivr (4 events), answered, outbound and pickup (2 each). */
    private static final int CALLS = 12;
    private static final int EVENTS = 3 * (4 + 2 + 2 + 2);

    @Parameter
    TestDatabase.Kind database;

    private CliTestServer server;
    private String producerKey;

    @BeforeParameterizedClassInvocation
    void startServer() {
        server = CliTestServer.start(database);
        server.createAccountWithAdminKey("acme");
        producerKey = server.createKey("acme", "producer");
    }

    @AfterParameterizedClassInvocation
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

    /** 10 calls at 5 calls/s: the last starts 1.8 s after the first; the run is bounded generously for a loaded machine. */
    @Test
    void keepsToTheRateAndShowsProgressWhileItRuns() {
        Cli.Run run = server.run(producerKey, "simulate", "--accounts", "acme", "--calls", "10", "--rate", "5", "--scenarios", "answered",
                "--run-id", "paced");

        assertEquals(0, run.exitCode(), run.transcript());
        Matcher summary = Pattern.compile("^Simulated 10 calls on acme \\(run paced\\): 20 events acknowledged in ([0-9.]+) s, ([0-9.]+) calls/s, ")
                .matcher(run.out());
        assertTrue(summary.find(), run.transcript());
        double seconds = Double.parseDouble(summary.group(1));
        assertTrue(seconds >= 1.8 && seconds < 20, "10 calls at 5 calls/s take from 1.8 s (not much more): " + run.transcript());
        double callsPerSecond = Double.parseDouble(summary.group(2));
        assertTrue(callsPerSecond > 1.5 && callsPerSecond <= 5.5, "the calls started at about 5 a second: " + run.transcript());
        assertTrue(run.err().lines().anyMatch(line -> line.matches("calls \\d+/10  events sent \\d+, acknowledged \\d+ .*")),
                "a run of a few seconds shows its progress, one line at a time off a terminal: " + run.transcript());
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
