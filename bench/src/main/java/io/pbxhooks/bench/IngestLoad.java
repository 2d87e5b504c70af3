package io.pbxhooks.bench;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/** Durable ingest alone: producers keep every stream's window full for a while; acknowledged events per second. */
final class IngestLoad {

    record Result(Producer.Step step, CpuMeter.Usage cpu, String statementsPerEvent) {
    }

    private IngestLoad() {
    }

    static Result saturate(Producer producer, CpuMeter cpu, Database database, LongFunction<String> accountOf, Duration duration,
                           int window) throws InterruptedException {
        // Capacity for more than any server here acknowledges: 100,000 events a second.
        Schedule schedule = producer.schedule((int) Math.min(Integer.MAX_VALUE - 16, duration.toSeconds() * 100_000 + 1));
        cpu.start();
        OptionalLong before = DatabaseStatements.count(database);
        Producer.Step step = producer.saturate(schedule, accountOf, duration, window);
        CpuMeter.Usage usage = cpu.stop();
        return new Result(step, usage, DatabaseStatements.perEvent(before, DatabaseStatements.count(database), step.accepted()));
    }
}
