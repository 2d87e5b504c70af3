package io.pbxhooks.bench;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * One open-loop step of end-to-end load: {@code rate} events a second for one account whose {@code fanOut}
 * integrations all post to the receiver. The backlog is bounded when every delivery has arrived within
 * {@link #allowance} of the last event being due; the step then waits for the backlog to drain before the next.
 */
final class DeliveryLoad {

    record Result(double rate, int fanOut, Producer.Step step, long expected, long delivered, double deliveriesPerSecond,
                  boolean sustained, Latencies deliveryLatency, CpuMeter.Usage cpu, String statementsPerEvent) {
    }

    private DeliveryLoad() {
    }

    static Duration allowance(Duration duration) {
        return Duration.ofMillis(Math.max(2000, duration.toMillis() / 5));
    }

    static Result run(Producer producer, Receiver receiver, CpuMeter cpu, Database database, String accountId, int fanOut,
                      double rate, Duration duration) throws InterruptedException {
        Schedule schedule = producer.schedule((int) Math.ceil(rate * duration.toNanos() / 1e9) + 1);
        DeliveryTracker tracker = new DeliveryTracker(schedule);
        receiver.listen(tracker);
        cpu.start();
        OptionalLong statementsBefore = DatabaseStatements.count(database);
        long start = System.nanoTime();
        Producer.Step step = producer.openLoop(schedule, sequence -> accountId, rate, duration);
        long expected = step.accepted() * fanOut;
        long sustainedBy = start + duration.toNanos() + allowance(duration).toNanos();
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (tracker.deliveries() < expected && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        CpuMeter.Usage usage = cpu.stop();
        String statements = DatabaseStatements.perEvent(statementsBefore, DatabaseStatements.count(database), step.accepted());
        double seconds = (Math.max(tracker.lastArrivalNanos(), start + 1) - start) / 1e9;
        double deliveriesPerSecond = tracker.deliveries() / seconds;
        // Bounded backlog: everything delivered soon after the last event was due, at (nearly) the offered rate.
        boolean sustained = tracker.deliveries() >= expected && tracker.lastArrivalNanos() <= sustainedBy && step.failed() == 0
                && deliveriesPerSecond >= 0.9 * rate * fanOut;
        Result result = new Result(rate, fanOut, step, expected, tracker.deliveries(), deliveriesPerSecond, sustained,
                tracker.latency(), usage, statements);
        awaitQuiet(receiver);
        return result;
    }

    /** Until the receiver has had nothing for a second (the previous step's backlog is gone), at most 30 s. */
    static void awaitQuiet(Receiver receiver) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long seen = -1;
        while (receiver.requests() != seen && System.nanoTime() < giveUp) {
            seen = receiver.requests();
            Thread.sleep(1000);
        }
    }
}
