package io.pbxhooks.server.delivery;

import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes due PENDING deliveries of inbound calls (no fields) straight into the database, as another node's ingest
 * would: this node's dispatcher learns of them only when it next claims.
 */
final class PendingRows {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private PendingRows() {
    }

    /** {@code count} events (ids starting with {@code prefix}) of calls of their own, each with one delivery to {@code integration} due at {@code due}. */
    static void insert(TestServer server, TestAccount account, Integration integration, String prefix, int count, Instant due) {
        String time = DATETIME.format(due);
        server.inTransaction(connection -> {
            for (int index = 0; index < count; index++) {
                String eventId = prefix + "-" + integration.getId() + "-" + index;
                long eventRowId;
                try (PreparedStatement event = connection.prepareStatement("INSERT INTO events (account_id, event_id, service_type, event_type, "
                        + "ordering_key, occurred_at, received_at, fields) VALUES (?, ?, 'hosted-pbx', 'inbound_call_received', ?, ?, ?, '[]')",
                        PreparedStatement.RETURN_GENERATED_KEYS)) {
                    event.setString(1, account.id());
                    event.setString(2, eventId);
                    event.setString(3, "call-" + eventId);
                    event.setString(4, time);
                    event.setString(5, time);
                    event.executeUpdate();
                    try (ResultSet keys = event.getGeneratedKeys()) {
                        keys.next();
                        eventRowId = keys.getLong(1);
                    }
                }
                try (PreparedStatement delivery = connection.prepareStatement("INSERT INTO deliveries (id, event_row_id, account_id, integration_id, "
                        + "event_id, service_type, event_type, ordering_key, state, attempt_count, next_attempt_at, last_status_code, test, create_time, update_time) "
                        + "VALUES (?, ?, ?, ?, ?, 'hosted-pbx', 'inbound_call_received', ?, 'PENDING', 0, ?, 0, FALSE, ?, ?)")) {
                    delivery.setString(1, OldRows.timeOrderedId(due, index));
                    delivery.setLong(2, eventRowId);
                    delivery.setString(3, account.id());
                    delivery.setString(4, integration.getId());
                    delivery.setString(5, eventId);
                    delivery.setString(6, "call-" + eventId);
                    delivery.setString(7, time);
                    delivery.setString(8, time);
                    delivery.setString(9, time);
                    delivery.executeUpdate();
                }
            }
        });
    }
}
