package io.pbxhooks.server.delivery;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import io.pbxhooks.server.ingest.EventFieldsCodec;
import io.pbxhooks.server.persistence.Sql;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Leases due deliveries to this node in one short transaction: {@code SELECT … FOR UPDATE SKIP LOCKED} so that
 * nodes claiming at the same time take different rows, then a conditional update to IN_FLIGHT whose row count
 * is checked. A delivery whose lease ended (its node died) is due again. A delivery waits while an earlier
 * delivery of the same integration and ordering key (one call) is not final.
 *
 * <p>The claim runs at READ COMMITTED. Under MariaDB's default REPEATABLE READ its plain reads (the deliveries' events)
 * would see a snapshot older than the rows its locking read leased, so a delivery of an event committed meanwhile was
 * leased but not returned, and left until its lease ended; and its range locks deadlocked with ingest and other claims.
 */
@Singleton
class DeliveryClaims {

    private static final String CLAIMABLE = "SELECT d.id FROM deliveries d WHERE ("
            + "(d.state IN ('PENDING', 'RETRY_SCHEDULED') AND d.next_attempt_at <= ?) OR (d.state = 'IN_FLIGHT' AND d.lease_until < ? AND d.test = ?)) "
            + "AND NOT EXISTS (SELECT 1 FROM deliveries earlier WHERE earlier.integration_id = d.integration_id "
            + "AND earlier.ordering_key = d.ordering_key AND earlier.event_row_id < d.event_row_id "
            + "AND earlier.state IN ('PENDING', 'RETRY_SCHEDULED', 'IN_FLIGHT')) "
            + "ORDER BY d.next_attempt_at, d.event_row_id LIMIT ? FOR UPDATE SKIP LOCKED";

    private static final TransactionDefinition READ_COMMITTED = readCommitted();

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final EventFieldsCodec fields;

    DeliveryClaims(Sql sql, TransactionOperations<Connection> transactions, EventFieldsCodec fields) {
        this.sql = sql;
        this.transactions = transactions;
        this.fields = fields;
    }

    List<ClaimedDelivery> claim(String node, int max, Instant now, Duration lease) {
        return transactions.execute(READ_COMMITTED, status -> {
            failAbandonedTestSends(now);
            List<String> ids = sql.query(CLAIMABLE, row -> row.getString("id"), now, now, false, max);
            if (ids.isEmpty()) {
                return List.of();
            }
            List<Object> parameters = new ArrayList<>(List.of(node, now.plus(lease), now));
            parameters.addAll(ids);
            int leased = sql.update("UPDATE deliveries SET state = 'IN_FLIGHT', lease_owner = ?, lease_until = ?, attempt_count = attempt_count + 1, "
                    + "update_time = ? WHERE id IN (" + placeholders(ids.size()) + ")", parameters.toArray());
            if (leased != ids.size()) {
                throw new IllegalStateException("leased " + leased + " of " + ids.size() + " locked deliveries");
            }
            return load(ids);
        });
    }

    /**
     * A test send is never retried: if its node stopped while sending, it simply failed. They are found by a plain read
     * and updated by id: an UPDATE searching the in-flight rows would lock them all, waiting for (and deadlocking with)
     * the transactions that record attempts.
     */
    private void failAbandonedTestSends(Instant now) {
        List<String> abandoned = sql.query("SELECT id FROM deliveries WHERE state = 'IN_FLIGHT' AND lease_until < ? AND test = ?",
                row -> row.getString("id"), now, true);
        if (abandoned.isEmpty()) {
            return;
        }
        List<Object> parameters = new ArrayList<>(List.of(now));
        parameters.addAll(abandoned);
        parameters.add(now);
        sql.update("UPDATE deliveries SET state = 'FAILED', lease_owner = NULL, lease_until = NULL, update_time = ?, "
                + "last_error = 'the node sending this test event stopped before it finished' "
                + "WHERE id IN (" + placeholders(abandoned.size()) + ") AND state = 'IN_FLIGHT' AND lease_until < ?", parameters.toArray());
    }

    private List<ClaimedDelivery> load(List<String> ids) {
        return sql.query("SELECT d.id, d.integration_id, d.attempt_count, d.service_type, d.event_type, e.occurred_at, e.fields "
                        + "FROM deliveries d JOIN events e ON e.id = d.event_row_id WHERE d.id IN (" + placeholders(ids.size()) + ") "
                        + "ORDER BY e.id",
                row -> new ClaimedDelivery(row.getString("id"), row.getString("integration_id"), row.getInt("attempt_count"),
                        row.getString("service_type"), row.getString("event_type"), Sql.instant(row, "occurred_at"),
                        fields.decode(row.getString("fields"))),
                ids.toArray());
    }

    private static TransactionDefinition readCommitted() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        return definition;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
