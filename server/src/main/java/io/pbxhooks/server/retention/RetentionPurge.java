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
        long attempts = 0;
        long deliveries = 0;
        long events = 0;
        while (true) {
            List<String> candidates = transactions.executeRead(status -> sql.query("SELECT id FROM deliveries WHERE " + FINISHED + " LIMIT ?",
                    row -> row.getString("id"), cutoff, batchSize));
            if (candidates.isEmpty()) {
                break;
            }
            long[] deleted = deleteDeliveries(candidates, cutoff);
            attempts += deleted[0];
            deliveries += deleted[1];
            // None deleted: another node holds them; it or the next run finishes the work.
            if (candidates.size() < batchSize || deleted[1] == 0) {
                break;
            }
        }
        while (true) {
            List<Long> candidates = transactions.executeRead(status -> sql.query("SELECT id FROM events WHERE received_at < ? AND " + UNREFERENCED
                    + " LIMIT ?", row -> row.getLong("id"), cutoff, batchSize));
            if (candidates.isEmpty()) {
                break;
            }
            long deleted = deleteEvents(candidates, cutoff);
            events += deleted;
            if (candidates.size() < batchSize || deleted == 0) {
                break;
            }
        }
        return new Purged(attempts, deliveries, events, Duration.ofNanos(System.nanoTime() - started));
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
