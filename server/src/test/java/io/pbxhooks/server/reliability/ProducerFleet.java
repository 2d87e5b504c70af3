package io.pbxhooks.server.reliability;

import io.pbxhooks.server.reliability.CallTraffic.PlannedEvent;
import io.pbxhooks.server.reliability.Tenants.Tenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** One {@link ReliableProducer} per account, each on its own thread, all recording into one {@link ProducerLedger}. */
final class ProducerFleet implements AutoCloseable {

    static final int WINDOW = 32;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Future<?>> running = new ArrayList<>();
    private final ProducerLedger ledger = new ProducerLedger();

    /** Starts publishing each account's events; producer {@code i} publishes to {@code nodes.apply(i)} at each (re)connection. */
    static ProducerFleet start(Map<String, Tenant> tenants, Map<String, List<PlannedEvent>> traffic, IntFunction<ServerProcess> nodes) {
        return start(tenants, traffic, nodes, 0);
    }

    /** Like {@link #start(Map, Map, IntFunction)}, each producer publishing {@code eventsPerSecond} on average (0: as fast as it can). */
    static ProducerFleet start(Map<String, Tenant> tenants, Map<String, List<PlannedEvent>> traffic, IntFunction<ServerProcess> nodes,
                               int eventsPerSecond) {
        ProducerFleet fleet = new ProducerFleet();
        int index = 0;
        for (Map.Entry<String, List<PlannedEvent>> account : traffic.entrySet()) {
            int producer = index++;
            fleet.running.add(fleet.threads.submit(new ReliableProducer(tenants.get(account.getKey()).producerKey(), account.getValue(), WINDOW,
                    () -> nodes.apply(producer), fleet.ledger, eventsPerSecond)));
        }
        return fleet;
    }

    ProducerLedger ledger() {
        return ledger;
    }

    /** Waits until every producer has had all its events acknowledged. */
    void awaitAllAcknowledged(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<?> producer : running) {
            producer.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }
}
