package io.pbxhooks.server.retention;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.pbxhooks.server.persistence.Sql;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Deletes what is older than a cutoff, in batches of short transactions: finished (SUCCEEDED or FAILED) deliveries last
 * changed before it, with their attempts, then events received before it that no delivery refers to any more. Each batch
 * locks only the rows it deletes, by primary key, skipping rows another node is deleting, at READ COMMITTED (no gap
 * locks): ingest, which only inserts new rows, never waits for it. A delivery redelivered meanwhile is no longer finished
 * and is left alone.
 */
@Singleton
public class RetentionPurge {

    /** What one purge deleted and how long it took. */
    public record Purged(long attempts, long deliveries, long events, Duration took) {
        public boolean isEmpty() {
            return attempts + deliveries + events == 0;
        }
    }

    private static final String FINISHED = "state IN ('SUCCEEDED', 'FAILED') AND update_time < ?";
    private static final String UNREFERENCED = "NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_row_id = events.id)";
    private static final int ROUNDS_WITHOUT_PROGRESS = 10;
    private static final Duration PAUSE_AFTER_SKIPPING = Duration.ofMillis(20);
    private static final TransactionDefinition SHORT_WRITE = new TransactionDefinition() {
        @Override
        public Optional<Isolation> getIsolationLevel() {
            return Optional.of(Isolation.READ_COMMITTED);
        }

        @Override
        public String getName() {
            return "retention";
        }
    };

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;

    public RetentionPurge(Sql sql, TransactionOperations<Connection> transactions) {
        this.sql = sql;
        this.transactions = transactions;
    }

    /** Deletes, batch by batch, everything older than {@code cutoff} that may go. */
    public Purged purge(Instant cutoff, int batchSize) {
        long started = System.nanoTime();
        long[] attempts = {0};
        long deliveries = inBatches(batchSize,
                () -> transactions.executeRead(status -> sql.query("SELECT id FROM deliveries WHERE " + FINISHED + " LIMIT ?",
                        row -> row.getString("id"), cutoff, batchSize)),
                candidates -> {
                    long[] deleted = deleteDeliveries(candidates, cutoff);
                    attempts[0] += deleted[0];
                    return deleted[1];
                });
        long events = inBatches(batchSize,
                () -> transactions.executeRead(status -> sql.query("SELECT id FROM events WHERE received_at < ? AND " + UNREFERENCED
                        + " LIMIT ?", row -> row.getLong("id"), cutoff, batchSize)),
                candidates -> deleteEvents(candidates, cutoff));
        return new Purged(attempts[0], deliveries, events, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Deletes batches of candidates until none is left; returns how many were deleted. A candidate locked elsewhere is
     * skipped and read again after a pause: another purger is deleting it, or a claim scanning the deliveries' indexes
     * holds it for a moment (InnoDB locks the row where a range scan stops); a batch chosen as a deadlock victim is tried
     * again the same way. Gives up, for the next run to finish,
     * only after {@value #ROUNDS_WITHOUT_PROGRESS} rounds in a row deleted nothing.
     */
    private <T> long inBatches(int batchSize, Supplier<List<T>> candidates, Function<List<T>, Long> delete) {
        long total = 0;
        int roundsWithoutProgress = 0;
        while (true) {
            List<T> batch = candidates.get();
            if (batch.isEmpty()) {
                return total;
            }
            long deleted;
            try {
                deleted = delete.apply(batch);
            } catch (RuntimeException e) {
                if (!Sql.isDeadlock(e)) {
                    throw e;
                }
                // Two purgers deleting attempts lock, each, the index row where the other's range begins.
                deleted = 0;
            }
            total += deleted;
            if (deleted == batch.size()) {
                roundsWithoutProgress = 0;
                if (batch.size() < batchSize) {
                    return total;
                }
                continue;
            }
            roundsWithoutProgress = deleted == 0 ? roundsWithoutProgress + 1 : 0;
            if (roundsWithoutProgress >= ROUNDS_WITHOUT_PROGRESS) {
                return total;
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_SKIPPING.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("retention purge interrupted", e);
        }
    }

    /** The attempts and deliveries deleted; attempts first, as they refer to their delivery. */
    private long[] deleteDeliveries(List<String> candidates, Instant cutoff) {
        return transactions.execute(SHORT_WRITE, status -> {
            List<Object> parameters = new ArrayList<>(candidates);
            parameters.add(cutoff);
            List<String> locked = sql.query("SELECT id FROM deliveries WHERE id IN (" + placeholders(candidates.size()) + ") AND " + FINISHED
                    + " FOR UPDATE SKIP LOCKED", row -> row.getString("id"), parameters.toArray());
            if (locked.isEmpty()) {
                return new long[] {0, 0};
            }
            String ids = placeholders(locked.size());
            long attempts = sql.update("DELETE FROM delivery_attempts WHERE delivery_id IN (" + ids + ")", locked.toArray());
            long deliveries = sql.update("DELETE FROM deliveries WHERE id IN (" + ids + ")", locked.toArray());
            return new long[] {attempts, deliveries};
        });
    }

    private long deleteEvents(List<Long> candidates, Instant cutoff) {
        return transactions.execute(SHORT_WRITE, status -> {
            List<Object> parameters = new ArrayList<>(candidates);
            parameters.add(cutoff);
            List<Long> locked = sql.query("SELECT id FROM events WHERE id IN (" + placeholders(candidates.size()) + ") AND received_at < ? "
                    + "FOR UPDATE SKIP LOCKED", row -> row.getLong("id"), parameters.toArray());
            if (locked.isEmpty()) {
                return 0L;
            }
            return (long) sql.update("DELETE FROM events WHERE id IN (" + placeholders(locked.size()) + ") AND " + UNREFERENCED, locked.toArray());
        });
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
