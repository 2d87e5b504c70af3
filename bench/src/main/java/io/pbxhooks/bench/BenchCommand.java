package io.pbxhooks.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar bench/target/pbxhooks-bench.jar [options]}, or {@code bench/run}: see BENCHMARKS.md. */
@Command(name = "pbxhooks-bench", mixinStandardHelpOptions = true, subcommands = JmhCommand.class,
        description = "Measures pbxhooks end to end against its ceilings, on H2 and MariaDB, and prints every figure beside its ceiling.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Short steps and a 1-minute memory run: about 10 minutes per database.")
    boolean quick;

    @Option(names = "--databases", split = ",", description = "h2, mariadb or both (default: both).")
    List<Database.Kind> databases = List.of(Database.Kind.H2, Database.Kind.MARIADB);

    @Option(names = "--step-seconds", description = "Length of each load step (default 10, quick 5).")
    Integer stepSeconds;

    @Option(names = "--memory-minutes", description = "Length of the memory run at 70%% of the sustained maximum (default 10, quick 1).")
    Double memoryMinutes;

    @Option(names = "--first-rate", defaultValue = "250", description = "Events/s of the first fan-out 1 step (default 250).")
    double firstRate;

    @Option(names = "--rate-factor", defaultValue = "1.5", description = "Each step's rate is the previous one's times this (default 1.5).")
    double rateFactor;

    @Option(names = "--streams", defaultValue = "8", description = "Publish streams the producer uses (default 8).")
    int streams;

    @Option(names = "--scale-accounts", defaultValue = "10000", description = "Accounts for matching at scale (default 10000, x10 integrations).")
    int scaleAccounts;

    @Option(names = "--jfr", description = "Record every server with Java Flight Recorder and print its hot methods.")
    boolean jfr;

    @Option(names = "--server-jar", defaultValue = "server/target/pbxhooks-server.jar", description = "The server's runnable jar.")
    Path serverJar;

    @Option(names = "--run-directory", description = "Where logs, data and recordings go (default: bench/target/run-<time>).")
    Path runDirectory;

    public static void main(String[] arguments) {
        System.exit(new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(arguments));
    }

    @Override
    public Integer call() throws Exception {
        BenchOptions options = new BenchOptions(databases, quick, Duration.ofSeconds(stepSeconds != null ? stepSeconds : quick ? 5 : 10),
                Duration.ofSeconds(quick ? 5 : 10), Duration.ofSeconds(quick ? 8 : 15),
                Duration.ofSeconds(Math.round(60 * (memoryMinutes != null ? memoryMinutes : quick ? 1 : 10))), firstRate, rateFactor,
                12, streams, quick ? Math.min(scaleAccounts, 2000) : scaleAccounts, 10, jfr);
        Path directory = runDirectory != null ? runDirectory
                : Path.of("bench", "target", "run-" + Instant.now().toString().replace(':', '-').replaceAll("\\..*", ""));
        Files.createDirectories(directory);
        Report report = new Report(directory.resolve("report.txt"));
        MachineDescription.print(report);
        report.line("Options: %s", options);
        report.line("Run directory: %s", directory.toAbsolutePath());
        try (Receiver receiver = new Receiver(4)) {
            report.line("Receiver: JDK com.sun.net.httpserver, 4 worker threads, 204 No Content, on %s", receiver.url("/"));
            for (Database.Kind kind : options.databases()) {
                new DatabaseBenchmark(options, Database.fresh(kind, directory.toAbsolutePath()), receiver, serverJar.toAbsolutePath(),
                        directory.toAbsolutePath(), report).run();
            }
        }
        report.line("");
        report.line("Report written to %s", report.file().toAbsolutePath());
        return 0;
    }
}
