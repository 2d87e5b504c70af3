package io.pbxhooks.server.ingest;

import io.micronaut.context.annotation.Value;
import io.pbxhooks.server.delivery.DeliveryHandOff;
import io.pbxhooks.server.delivery.DispatchSignal;
import io.pbxhooks.server.delivery.HandOffBudget;
import io.pbxhooks.server.metrics.PbxhooksMetrics;
import io.pbxhooks.server.persistence.Sql;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: the events waiting from every stream and call are written together, up to {@code batch-size} in one
 * transaction — whatever arrived while the previous transaction ran. Each event's future completes only after its
 * transaction has committed, so an event is acknowledged only once it is durable. A failed transaction fails the
 * events of that batch only; a unique-key conflict with another node's write is settled one event at a time.
 */
@Singleton
public class GroupCommitter {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    private record Pending(Outbox.Incoming incoming, CompletableFuture<Outbox.Accepted> outcome) {
    }

    private final Outbox outbox;
    private final Optional<DeliveryHandOff> handOff;
    private final DispatchSignal dispatch;
    private final PbxhooksMetrics metrics;
    private final int batchSize;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean running = true;

    /** @param handOff this node's dispatcher; absent when delivery is off on this node */
    public GroupCommitter(Outbox outbox, Optional<DeliveryHandOff> handOff, DispatchSignal dispatch, PbxhooksMetrics metrics,
                          @Value("${pbxhooks.ingest.batch-size:200}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("pbxhooks.ingest.batch-size must be at least 1, not " + batchSize);
        }
        this.outbox = outbox;
        this.handOff = handOff;
        this.dispatch = dispatch;
        this.metrics = metrics;
        this.batchSize = batchSize;
        this.committer = new Thread(this::run, "pbxhooks-ingest-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /** Completes with the event's outcome once it is committed, or exceptionally when it could not be stored. */
    public CompletableFuture<Outbox.Accepted> submit(Outbox.Incoming incoming) {
        CompletableFuture<Outbox.Accepted> outcome = new CompletableFuture<>();
        if (!running) {
            outcome.completeExceptionally(new IllegalStateException("the server is stopping"));
            return outcome;
        }
        waiting.add(new Pending(incoming, outcome));
        return outcome;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running) {
            try {
                Pending first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, batchSize - 1);
                commit(batch);
            } catch (InterruptedException stopping) {
                break;
            } catch (RuntimeException | Error unexpected) {
                LOG.error("Group commit failed unexpectedly", unexpected);
                batch.forEach(pending -> pending.outcome().completeExceptionally(unexpected));
            } finally {
                batch.clear();
            }
        }
        List<Pending> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(pending -> pending.outcome().completeExceptionally(new IllegalStateException("the server is stopping")));
    }

    /**
     * Optimistically first: an event already stored (a producer's retry) costs a second try that looks them up. Once
     * committed, the deliveries leased to this node go to its dispatcher, and it is woken for those stored due.
     */
    private void commit(List<Pending> batch) {
        List<Outbox.Incoming> incoming = batch.stream().map(Pending::incoming).toList();
        Outbox.Written written;
        try {
            written = acceptAll(incoming);
        } catch (RuntimeException failure) {
            if (Sql.isConstraintViolation(failure)) {
                commitOneByOne(batch);
            } else {
                batch.forEach(pending -> pending.outcome().completeExceptionally(failure));
            }
            return;
        }
        metrics.ingestTransactionCommitted(batch.size());
        if (!written.leased().isEmpty()) {
            handOff.orElseThrow().handOff(written.leased());
        }
        if (written.dueForClaim()) {
            dispatch.wake();
        }
        for (int index = 0; index < batch.size(); index++) {
            batch.get(index).outcome().complete(written.outcomes().get(index));
        }
    }

    private Outbox.Written acceptAll(List<Outbox.Incoming> incoming) {
        try {
            return outbox.acceptAll(incoming, false, budget());
        } catch (RuntimeException failure) {
            if (!Sql.isConstraintViolation(failure)) {
                throw failure;
            }
            return outbox.acceptAll(incoming, true, budget());
        }
    }

    private HandOffBudget budget() {
        return handOff.map(DeliveryHandOff::budget).orElse(HandOffBudget.NONE);
    }

    private void commitOneByOne(List<Pending> batch) {
        boolean stored = false;
        for (Pending pending : batch) {
            try {
                Outbox.Accepted accepted = outbox.accept(pending.incoming());
                stored |= accepted.deliveries() > 0;
                pending.outcome().complete(accepted);
            } catch (RuntimeException failure) {
                pending.outcome().completeExceptionally(failure);
            }
        }
        if (stored) {
            dispatch.wake();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        // Not interrupted: a transaction under way finishes and its events are answered.
        running = false;
        committer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
