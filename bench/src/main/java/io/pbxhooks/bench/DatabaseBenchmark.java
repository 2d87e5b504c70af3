package io.pbxhooks.bench;

import io.pbxhooks.admin.auth.ApiKeySecrets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;

/**
 * Everything measured on one database, in one run: the three ceilings, then the real server delivering (fan-out 1 at
 * increasing rates, latency at 30% of the sustained maximum, fan-out 10 and 100, memory at 70%), then the server
 * ingesting only (durable ingest; matching with few and with 100,000 integrations).
 */
final class DatabaseBenchmark {

    private static final int WEBHOOK_CONCURRENCY = 16;
    private static final int GROUP_COMMIT_BATCH = 200;
    private static final int WINDOW = 64;
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(5);

    private final BenchOptions options;
    private final Database database;
    private final Receiver receiver;
    private final Path serverJar;
    private final Path runDirectory;
    private final Report report;
    private final String operatorKey = ApiKeySecrets.generate();

    private double httpCeiling;
    private double jdbcCeiling;

    DatabaseBenchmark(BenchOptions options, Database database, Receiver receiver, Path serverJar, Path runDirectory, Report report) {
        this.options = options;
        this.database = database;
        this.receiver = receiver;
        this.serverJar = serverJar;
        this.runDirectory = runDirectory;
        this.report = report;
    }

    void run() throws Exception {
        report.section(database.describe());
        ceilings();
        double maxRate = delivering();
        ingestOnly(maxRate);
    }

    private void ceilings() throws Exception {
        report.line("Ceilings (%s each, after a warm-up of the bench's own JIT):", seconds(options.ceilingDuration()));
        Duration round = Duration.ofSeconds(3);
        JitWarmUp.run(JitWarmUp::benchSeconds, warmUpLimit(),
                () -> HttpClientCeiling.run(receiver, WEBHOOK_CONCURRENCY, round, Provisioning.SIGNING_SECRET));
        HttpClientCeiling.Result http = HttpClientCeiling.run(receiver, WEBHOOK_CONCURRENCY, options.ceilingDuration(), Provisioning.SIGNING_SECRET);
        httpCeiling = http.perSecond();
        report.line("  (a) bare HTTP client loop (webhook transport sender, Micronaut HTTP client, %d in flight, signed JSON): %,.0f requests/s (%d failed)",
                WEBHOOK_CONCURRENCY, httpCeiling, http.failures());
        byte[] body = "{\"call\":\"bench-0\",\"when\":\"2026-11-29T06:00:00.000Z\",\"from\":\"+61491570156\",\"to\":\"+61255501000\",\"extension\":\"0042\",\"name\":\"Zoe Nguyen\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Optional<WrkCeiling.Result> wrk = WrkCeiling.run(receiver, WEBHOOK_CONCURRENCY, options.ceilingDuration(), body);
        wrk.ifPresent(result -> report.line("  (b) receiver capacity under wrk (2 threads, %d connections): %,.0f requests/s (%s)",
                WEBHOOK_CONCURRENCY, result.requestsPerSecond(), result.summary()));
        try (Connection connection = database.connectScratch()) {
            JitWarmUp.run(JitWarmUp::benchSeconds, warmUpLimit(), () -> JdbcInsertCeiling.run(connection, GROUP_COMMIT_BATCH, round));
            JdbcInsertCeiling.Result jdbc = JdbcInsertCeiling.run(connection, GROUP_COMMIT_BATCH, options.ceilingDuration());
            jdbcCeiling = jdbc.perSecond();
            report.line("  (c) bare JDBC loop, %d events (+1 delivery row each) per transaction: %,.0f events/s", GROUP_COMMIT_BATCH, jdbcCeiling);
        }
    }

    private Map<String, String> serverProperties(boolean delivering) {
        Map<String, String> properties = new HashMap<>(database.serverProperties());
        properties.put("pbxhooks.operator-key", operatorKey);
        properties.put("pbxhooks.allowed-destinations", "127.0.0.1/32");
        properties.put("pbxhooks.grpc.port", "0");
        properties.put("micronaut.server.port", "-1");
        properties.put("pbxhooks.plugins-dir", runDirectory.resolve("plugins").toString());
        properties.put("pbxhooks.limits.publish-streams-per-key", "256");
        properties.put("pbxhooks.delivery.enabled", Boolean.toString(delivering));
        return properties;
    }

    private ServerUnderTest start(String name, boolean delivering) throws Exception {
        Optional<Path> jfr = options.jfr() ? Optional.of(runDirectory.resolve(name + ".jfr")) : Optional.empty();
        return ServerUnderTest.start(serverJar, name, serverProperties(delivering), runDirectory, jfr);
    }

    private void jfrSummary(String name) throws Exception {
        if (options.jfr()) {
            JfrHotMethods.print(runDirectory.resolve(name + ".jfr"), report, 12);
        }
    }

    /** Returns the highest sustained rate of fan-out 1, in events a second. */
    private double delivering() throws Exception {
        String name = database.kind().name().toLowerCase(Locale.ROOT) + "-delivering";
        StepSearch search;
        try (ServerUnderTest server = start(name + "-steps", true);
             Provisioning admin = new Provisioning(server.grpcPort(), operatorKey);
             Producer producer = new Producer(server.grpcPort(), Provisioning.platformProducerKey(server.grpcPort(), operatorKey), options.streams())) {
            for (int fanOut : List.of(1, 10, 100)) {
                admin.account("fanout-" + fanOut, fanOut, receiver, true);
            }
            admin.account("template", 1, receiver, false);
            search = stepSearch(server, producer);
        }
        jfrSummary(name + "-steps");
        // The overloaded step leaves a backlog behind; the measurements below start without it.
        long cleared = BacklogClearing.clear(database);
        report.line("  (%,d deliveries left behind by the overloaded step marked FAILED, server restarted)", cleared);
        try (ServerUnderTest server = start(name, true);
             Producer producer = new Producer(server.grpcPort(), Provisioning.platformProducerKey(server.grpcPort(), operatorKey), options.streams())) {
            CpuMeter cpu = new CpuMeter(server.pid(), database.processId(), receiver::cpuSeconds);
            double lightRate = 0.3 * search.maxRate();
            JitWarmUp.Result warmUp = warmUp(server, () -> DeliveryLoad.run(producer, receiver, cpu, database, "fanout-1", 1, lightRate,
                    WARM_UP_ROUND));
            DeliveryLoad.Result light = DeliveryLoad.run(producer, receiver, cpu, database, "fanout-1", 1, lightRate,
                    options.stepDuration().multipliedBy(2));
            report.line("Latency at 30%% of the sustained maximum (%,.0f events/s, %s; on a new server, after its %s):", light.rate(),
                    seconds(options.stepDuration().multipliedBy(2)), warmUp.summary());
            report.line("  acknowledgement: %s", light.step().ackLatency().summary());
            report.line("  event -> delivery: %s (target p99 <= 50 ms)", light.deliveryLatency().summary());

            DeliveryLoad.Result best = search.best();
            report.line("Fan-out (open loop at 1.3 x the fan-out 1 throughput in deliveries/s, %s):", seconds(options.stepDuration()));
            report.line("  fan-out 1: %,.0f deliveries/s, %s database statements per event", best.deliveriesPerSecond(), best.statementsPerEvent());
            for (int fanOut : List.of(10, 100)) {
                double eventRate = Math.max(1, 1.3 * best.deliveriesPerSecond() / fanOut);
                DeliveryLoad.Result fan = DeliveryLoad.run(producer, receiver, cpu, database, "fanout-" + fanOut, fanOut, eventRate, options.stepDuration());
                report.line("  fan-out %d: %,.0f events/s offered; %s deliveries; %d of %d delivered%s; %s database statements per event; "
                                + "event -> delivery %s", fanOut, eventRate, Report.ratio(fan.deliveriesPerSecond(), httpCeiling),
                        fan.delivered(), fan.expected(), fan.sustained() ? "" : " (backlog grew)", fan.statementsPerEvent(), fan.deliveryLatency().summary());
                report.line("     CPU per 1,000 deliveries: %s", fan.cpu().perThousand(fan.delivered()));
            }

            memory(server, producer, cpu, search.maxRate());
        }
        jfrSummary(name);
        return search.maxRate();
    }

    private record StepSearch(double maxRate, DeliveryLoad.Result best) {
    }

    private StepSearch stepSearch(ServerUnderTest server, Producer producer) throws Exception {
        CpuMeter cpu = new CpuMeter(server.pid(), database.processId(), receiver::cpuSeconds);
        JitWarmUp.Result warmUp = warmUp(server, () -> DeliveryLoad.run(producer, receiver, cpu, database, "fanout-1", 1,
                2 * options.firstRate(), WARM_UP_ROUND));
        report.line("End to end, fan-out 1, open loop, %s per step (sustained = every delivery in within %s of the last event being due, "
                + "at >= 90%% of the offered rate):", seconds(options.stepDuration()), seconds(DeliveryLoad.allowance(options.stepDuration())));
        report.line("  (%s, at %,.0f events/s)", warmUp.summary(), 2 * options.firstRate());
        List<DeliveryLoad.Result> steps = new ArrayList<>();
        double rate = options.firstRate();
        DeliveryLoad.Result best = null;
        for (int index = 0; index < options.maxSteps(); index++) {
            DeliveryLoad.Result step = DeliveryLoad.run(producer, receiver, cpu, database, "fanout-1", 1, rate, options.stepDuration());
            steps.add(step);
            printStep(step);
            if (best == null || step.deliveriesPerSecond() > best.deliveriesPerSecond()) {
                best = step;
            }
            if (!step.sustained()) {
                break;
            }
            rate *= options.rateFactor();
        }
        double maxRate = steps.stream().filter(DeliveryLoad.Result::sustained).mapToDouble(DeliveryLoad.Result::rate).max()
                .orElse(options.firstRate() / 2);
        report.line("  => highest sustained rate %,.0f events/s; best throughput %s deliveries (%s)", maxRate,
                Report.ratio(best.deliveriesPerSecond(), httpCeiling), "ceiling (a)");
        report.line("     CPU per 1,000 deliveries at that step: %s", best.cpu().perThousand(best.delivered()));
        return new StepSearch(maxRate, best);
    }

    private void memory(ServerUnderTest server, Producer producer, CpuMeter cpu, double maxRate) throws Exception {
        double rate = 0.7 * maxRate;
        Duration interval = Duration.ofSeconds(Math.max(10, Math.min(60, options.memoryDuration().toSeconds() / 10)));
        report.line("Memory at 70%% of the sustained maximum (%,.0f events/s, fan-out 1) for %s, sampled every %s:", rate,
                seconds(options.memoryDuration()), seconds(interval));
        DeliveryLoad.Result result;
        List<MemoryWatch.Sample> samples;
        try (MemoryWatch watch = new MemoryWatch(server, interval)) {
            result = DeliveryLoad.run(producer, receiver, cpu, database, "fanout-1", 1, rate, options.memoryDuration());
            watch.close();
            samples = watch.samples();
        }
        for (MemoryWatch.Sample sample : samples) {
            report.line("  %5.0f s: heap after GC %6.1f MiB, RSS %6.1f MiB", sample.secondsIn(), sample.heapAfterGcMegabytes(), sample.residentMegabytes());
        }
        if (samples.size() >= 2) {
            MemoryWatch.Sample first = samples.get(0);
            MemoryWatch.Sample last = samples.get(samples.size() - 1);
            report.line("  growth over the run: heap after GC %+.1f MiB, RSS %+.1f MiB; max heap after GC %.1f MiB (target <= 256 MiB, flat)",
                    last.heapAfterGcMegabytes() - first.heapAfterGcMegabytes(), last.residentMegabytes() - first.residentMegabytes(),
                    samples.stream().mapToDouble(MemoryWatch.Sample::heapAfterGcMegabytes).max().orElse(Double.NaN));
        }
        report.line("  during it: %,.0f deliveries/s, %s, event -> delivery %s", result.deliveriesPerSecond(),
                result.sustained() ? "backlog bounded" : "backlog grew", result.deliveryLatency().summary());
    }

    private void ingestOnly(double maxRate) throws Exception {
        String name = database.kind().name().toLowerCase(Locale.ROOT) + "-ingest";
        report.line("Durable ingest alone (pbxhooks.delivery.enabled=false; %d streams x window %d, %s):", options.streams(), WINDOW,
                seconds(options.ingestDuration()));
        try (ServerUnderTest server = start(name, false); Producer producer = new Producer(server.grpcPort(), Provisioning.platformProducerKey(server.grpcPort(), operatorKey), options.streams())) {
            CpuMeter cpu = new CpuMeter(server.pid(), database.processId(), receiver::cpuSeconds);
            JitWarmUp.Result warmUp = warmUp(server, () -> IngestLoad.saturate(producer, cpu, database, sequence -> "fanout-1", WARM_UP_ROUND, WINDOW));
            report.line("  (%s)", warmUp.summary());
            IngestLoad.Result ingest = IngestLoad.saturate(producer, cpu, database, sequence -> "fanout-1", options.ingestDuration(), WINDOW);
            report.line("  fan-out 1: %s events acknowledged (ceiling (c)); acknowledgement %s; %s statements per event",
                    Report.ratio(ingest.step().acceptedPerSecond(), jdbcCeiling), ingest.step().ackLatency().summary(), ingest.statementsPerEvent());
            report.line("     CPU per 1,000 events: %s", ingest.cpu().perThousand(ingest.step().accepted()));
        }
        jfrSummary(name);
        matchingAtScale();
    }

    private void matchingAtScale() throws Exception {
        int perAccount = options.integrationsPerAccount();
        int matching = perAccount / BenchEvents.ALL_EVENT_TYPES.size();
        report.line("Matching at scale (ingest only; each account has %d integrations, %d of them fire per event):", perAccount, matching);
        try (Connection connection = database.connect()) {
            BulkIntegrations.insert(connection, "template", "few-", 10, perAccount);
        }
        measureIngest("few", 10, perAccount);
        long start = System.nanoTime();
        try (Connection connection = database.connect()) {
            BulkIntegrations.insert(connection, "template", "scale-", options.scaleAccounts(), perAccount);
        }
        report.line("  (%,d integrations in %,d accounts inserted by SQL in %.0f s)", options.scaleAccounts() * perAccount,
                options.scaleAccounts(), (System.nanoTime() - start) / 1e9);
        measureIngest("scale", options.scaleAccounts(), perAccount);
    }

    private void measureIngest(String prefix, int accounts, int perAccount) throws Exception {
        String name = database.kind().name().toLowerCase(Locale.ROOT) + "-matching-" + prefix;
        long startNanos = System.nanoTime();
        try (ServerUnderTest server = start(name, false); Producer producer = new Producer(server.grpcPort(), Provisioning.platformProducerKey(server.grpcPort(), operatorKey), options.streams())) {
            double startSeconds = (System.nanoTime() - startNanos) / 1e9;
            CpuMeter cpu = new CpuMeter(server.pid(), database.processId(), receiver::cpuSeconds);
            warmUp(server, () -> IngestLoad.saturate(producer, cpu, database, sequence -> prefix + "-" + (sequence % accounts), WARM_UP_ROUND, WINDOW));
            IngestLoad.Result ingest = IngestLoad.saturate(producer, cpu, database, sequence -> prefix + "-" + (sequence % accounts),
                    options.ingestDuration(), WINDOW);
            report.line("  %,7d integrations loaded (+ the fan-out accounts): %,.0f events/s acknowledged; acknowledgement %s; "
                            + "server CPU %.3f s per 1,000 events; heap after GC %.1f MiB; server start %.1f s",
                    accounts * perAccount, ingest.step().acceptedPerSecond(), ingest.step().ackLatency().summary(),
                    ingest.cpu().serverSeconds() * 1000 / Math.max(1, ingest.step().accepted()), server.heapAfterGcMegabytes(), startSeconds);
        }
    }

    /** Load on a new server until its JIT has settled: the measurements are of the server running, not of it starting. */
    private JitWarmUp.Result warmUp(ServerUnderTest server, JitWarmUp.Round round) throws Exception {
        return JitWarmUp.run(server::compileSeconds, warmUpLimit(), round);
    }

    private Duration warmUpLimit() {
        return options.quick() ? Duration.ofSeconds(60) : Duration.ofSeconds(120);
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }

    private void printStep(DeliveryLoad.Result step) {
        report.line("  %,8.0f events/s offered: %,8.0f deliveries/s (%d/%d)%s; ack %s; event -> delivery %s; CPU/1,000: %s",
                step.rate(), step.deliveriesPerSecond(), step.delivered(), step.expected(), step.sustained() ? "" : " NOT SUSTAINED",
                step.step().ackLatency().summary(), step.deliveryLatency().summary(), step.cpu().perThousand(step.delivered()));
    }
}
