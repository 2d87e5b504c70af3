package io.pbxhooks.server.delivery;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of delivery outcomes: the attempts finished while the previous transaction ran are recorded together,
 * up to {@value #BATCH_SIZE} in one transaction, instead of one transaction (and one log flush) per attempt. An
 * outcome not recorded — its transaction failed, and so did recording it alone — leaves the delivery IN_FLIGHT until
 * its lease ends, and it is attempted again: at least once, never lost.
 */
@Singleton
class OutcomeCommitter {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeCommitter.class);
    private static final int BATCH_SIZE = 200;

    private record Pending(String node, DeliveryOutcomes.Finished finished) {
    }

    private final DeliveryOutcomes outcomes;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean running = true;

    OutcomeCommitter(DeliveryOutcomes outcomes) {
        this.outcomes = outcomes;
        this.committer = new Thread(this::run, "pbxhooks-outcome-commit");
        committer.setDaemon(true);
        committer.start();
    }

    void submit(String node, DeliveryOutcomes.Finished finished) {
        waiting.add(new Pending(node, finished));
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(BATCH_SIZE);
        while (running || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, BATCH_SIZE - 1);
                commit(batch);
            } catch (InterruptedException stopping) {
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        String node = batch.get(0).node();
        if (batch.stream().allMatch(pending -> pending.node().equals(node))) {
            try {
                outcomes.recordAll(node, batch.stream().map(Pending::finished).toList());
                return;
            } catch (RuntimeException failure) {
                LOG.debug("Recording {} outcomes together failed, recording them one by one: {}", batch.size(), failure.toString());
            }
        }
        for (Pending pending : batch) {
            try {
                outcomes.recordAll(pending.node(), List.of(pending.finished()));
            } catch (RuntimeException e) {
                LOG.warn("Cannot record the outcome of delivery {} (it will be attempted again after its lease): {}",
                        pending.finished().delivery().id(), e.toString());
            }
        }
    }

    /** Records what is waiting before the server stops. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        committer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
