package io.pbxhooks.server.cli.demo;

import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.server.cli.ChannelSecurity;
import io.pbxhooks.server.cli.ExitCodes;
import io.pbxhooks.server.cli.PbxhooksClient;
import io.pbxhooks.server.cli.TlsOptions;
import io.pbxhooks.server.cli.simulation.ScenarioMix;
import io.pbxhooks.server.cli.simulation.Simulation;
import io.pbxhooks.server.cli.simulation.SimulationCounts;
import io.pbxhooks.server.cli.simulation.SimulationPlan;
import io.pbxhooks.server.cli.simulation.SimulationReport;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows webhooks arriving within a minute, on a server of its own.",
                "Starts a server in this process (embedded H2 in a temporary directory; or uses --server), a receiver",
                "on 127.0.0.1 that prints each webhook, creates an account with one integration per event type,",
                "simulates a few calls and sums up. Exits 0 when every event type arrived."})
public final class DemoCommand implements Callable<Integer> {

    private static final int SCENARIOS = 4;

    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "HOST:PORT",
            description = "Use this running server on this machine instead of starting one (with an operator --key; its outbound allowlist must admit 127.0.0.1).")
    String server;

    @Option(names = "--key", paramLabel = "KEY", defaultValue = "${env:PBXHOOKS_KEY}", description = "An operator key of --server (default: $PBXHOOKS_KEY).")
    String key;

    @Mixin
    TlsOptions tls;

    @Option(names = "--calls", defaultValue = "8", paramLabel = "N", description = "How many calls to simulate, at least 4 (default: ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--rate", defaultValue = "4", paramLabel = "CALLS_PER_SECOND", description = "Calls started per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--wait", defaultValue = "30", paramLabel = "SECONDS", description = "How long to wait for the webhooks (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        ChannelSecurity security = server == null ? ChannelSecurity.PLAINTEXT : tls.security();
        PrintWriter out = spec.commandLine().getOut();
        out.println(server == null ? "Starting a pbxhooks server in this process (embedded H2 in a temporary directory)..." : "Using the server at " + server + ".");
        out.flush();
        try (EmbeddedPbxhooks embedded = server == null ? EmbeddedPbxhooks.start() : null;
             WebhookReceiver receiver = WebhookReceiver.start(out);
             PbxhooksClient operator = PbxhooksClient.connect(embedded == null ? server : embedded.grpcAddress(), security,
                     embedded == null ? key : embedded.operatorKey())) {
            out.println("Receiver listening at " + receiver.url());
            DemoAccount account = DemoAccount.create(operator, receiver.url());
            out.println("Created account " + account.accountId() + ", switched on Service Integrations, and these integrations:");
            account.integrations().forEach(integration -> out.println("  " + integration.getTriggerEvent() + " -> POST "
                    + integration.getWebhook().getRequestUrl() + "/" + integration.getWebhook().getPathArguments()
                    + " (" + integration.getFieldMappingsCount() + " fields, signed)"));
            out.printf("Simulating %d calls at %s calls/s...%n%n", calls, rate);
            out.flush();
            // Event ids need only be unique per account, and the account is new.
            SimulationPlan plan = new SimulationPlan(List.of(account.accountId()), ScenarioMix.parse(ScenarioMix.ALL), calls, rate,
                    "demo", new SecureRandom().nextLong());
            SimulationCounts counts;
            try (PbxhooksClient producer = PbxhooksClient.connect(embedded == null ? server : embedded.grpcAddress(), security, account.producerKey())) {
                counts = new Simulation(producer.ingest(), 64).run(plan);
            }
            boolean allArrived = receiver.awaitTotal(counts.deliveriesQueued(), Duration.ofSeconds(waitSeconds));
            out.println();
            SimulationReport.print(counts, plan, out);
            return summarize(account.integrations(), receiver.received(), counts.deliveriesQueued(), allArrived, out);
        }
    }

    private void checkOptions() {
        if (server == null && spec.commandLine().getParseResult().hasMatchedOption("--key")) {
            throw new ParameterException(spec.commandLine(), "--key goes with --server (without it the demo starts its own server).");
        }
        if (server == null && tls.given()) {
            throw new ParameterException(spec.commandLine(),
                    "--tls and --tls-ca go with --server: the demo's own server listens on 127.0.0.1 without TLS.");
        }
        if (server != null && (key == null || key.isBlank())) {
            throw new ParameterException(spec.commandLine(), "--server needs an operator key: pass --key or set PBXHOOKS_KEY.");
        }
        if (calls < SCENARIOS || !(rate > 0) || waitSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--calls must be at least " + SCENARIOS + " (one of each scenario); --rate and --wait greater than 0.");
        }
    }

    private static int summarize(List<Integration> integrations, Map<String, Integer> received, int expected, boolean allArrived, PrintWriter out) {
        out.println();
        out.println("Webhooks received by event type:");
        boolean everyType = true;
        for (Integration integration : integrations) {
            int count = received.getOrDefault(integration.getTriggerEvent(), 0);
            everyType &= count > 0;
            out.printf("  %-24s %4d%n", integration.getTriggerEvent(), count);
        }
        int total = received.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("  %-24s %4d of %d queued%n", "total", total, expected);
        out.println(everyType ? "Every event type arrived." : "Some event types did not arrive" + (allArrived ? "." : " in time."));
        out.println("Next: start a server of your own (README, Quick start) and manage it with: bin/pbxhooks --help");
        out.flush();
        return everyType ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
