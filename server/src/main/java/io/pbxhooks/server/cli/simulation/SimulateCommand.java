package io.pbxhooks.server.cli.simulation;

import io.pbxhooks.server.cli.ExitCodes;
import io.pbxhooks.server.cli.PbxhooksClient;
import io.pbxhooks.server.cli.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulates a PBX: streams realistic Hosted PBX calls into the server.",
                "Publishes over EventIngestService.Publish, as a PBX would, with Australian, UK and US numbers",
                "from the ranges kept for fiction. Scenarios:",
                "  ivr       inbound call -> IVR -> option selected -> answered",
                "  answered  inbound call answered directly",
                "  outbound  outbound call placed (answered by the far end, which fires nothing)",
                "  pickup    inbound call picked up with ** (fires no Inbound Call Answered)",
                "Needs a producer key: an account's own publishes for that account only; the platform's (made by an",
                "operator with `keys create --role producer --all-accounts`) publishes for every account.",
                "Exits 0 when no event was rejected."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Option(names = "--accounts", required = true, split = ",", paramLabel = "ACCOUNT", description = "The accounts whose calls to simulate, comma-separated; calls go to each in turn.")
    List<String> accounts;

    @Option(names = "--calls", defaultValue = "50", paramLabel = "N", description = "How many calls (default: ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--rate", defaultValue = "10", paramLabel = "CALLS_PER_SECOND", description = "How many calls start each second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--scenarios", defaultValue = ScenarioMix.ALL, paramLabel = "MIX", description = "The scenario mix, NAME=WEIGHT,... (default: ${DEFAULT-VALUE}).")
    String scenarios;

    @Option(names = "--max-in-flight", defaultValue = "64", paramLabel = "N", description = "At most this many events unacknowledged at once (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--run-id", paramLabel = "ID", description = "Event ids are sim-<run id>-<call>-<event> (default: random); the same run id again publishes the same events, acknowledged as duplicates.")
    String runId;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the numbers, extensions and scenario order (default: derived from the run id).")
    Long seed;

    @Override
    public Integer call() throws InterruptedException {
        SimulationPlan plan = plan();
        try (PbxhooksClient client = server.connect()) {
            Simulation simulation = new Simulation(client.ingest(), maxInFlight);
            SimulationCounts result;
            try (ProgressDisplay ignored = ProgressDisplay.start(simulation::progress, spec.commandLine().getErr())) {
                result = simulation.run(plan);
            }
            SimulationReport.print(result, plan, spec.commandLine().getOut());
            return result.rejected() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private SimulationPlan plan() {
        if (calls < 1 || !(rate > 0) || maxInFlight < 1) {
            throw new ParameterException(spec.commandLine(), "--calls, --rate and --max-in-flight must be greater than 0.");
        }
        ScenarioMix mix;
        try {
            mix = ScenarioMix.parse(scenarios);
        } catch (IllegalArgumentException malformed) {
            throw new ParameterException(spec.commandLine(), "--scenarios: " + malformed.getMessage());
        }
        String run = runId == null ? newRunId(new SecureRandom()) : runId;
        long randomSeed = seed == null ? UUID.nameUUIDFromBytes(run.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits() : seed;
        return new SimulationPlan(accounts.stream().map(String::trim).filter(account -> !account.isEmpty()).toList(), mix, calls, rate,
                run, randomSeed);
    }

    static String newRunId(SecureRandom random) {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
