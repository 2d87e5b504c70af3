package io.pbxhooks.server.delivery;

import io.pbxhooks.server.testing.TestServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Writes many old, finished events straight into the database: each with one SUCCEEDED delivery and its one attempt. */
final class OldRows {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final int CHUNK = 1000;

    private OldRows() {
    }

    /** A version 7 UUID of {@code when}, like the ids the server gives deliveries: old ones sort before new ones. */
    static String timeOrderedId(Instant when, int index) {
        long high = (when.toEpochMilli() << 16) | 0x7000 | (index & 0xfff);
        long low = 0x8000_0000_0000_0000L | (ThreadLocalRandom.current().nextLong() & 0x3fff_ffff_ffff_ffffL);
        return new UUID(high, low).toString();
    }

    static void insert(TestServer server, String accountId, String integrationId, int count, Instant when) {
        String time = DATETIME.format(LocalDateTime.ofInstant(when, ZoneOffset.UTC));
        for (int from = 0; from < count; from += CHUNK) {
            int chunkStart = from;
            int chunkEnd = Math.min(count, from + CHUNK);
            server.inTransaction(connection -> {
                try (PreparedStatement events = connection.prepareStatement("INSERT INTO events (account_id, event_id, service_type, event_type, "
                        + "ordering_key, occurred_at, received_at, fields) VALUES (?, ?, 'hosted-pbx', 'inbound_call_answered', ?, ?, ?, '[]')",
                        PreparedStatement.RETURN_GENERATED_KEYS);
                     PreparedStatement deliveries = connection.prepareStatement("INSERT INTO deliveries (id, event_row_id, account_id, integration_id, "
                             + "event_id, service_type, event_type, ordering_key, state, attempt_count, next_attempt_at, last_status_code, test, "
                             + "create_time, update_time) VALUES (?, ?, ?, ?, ?, 'hosted-pbx', 'inbound_call_answered', ?, 'SUCCEEDED', 1, NULL, 200, "
                             + "FALSE, ?, ?)");
                     PreparedStatement attempts = connection.prepareStatement("INSERT INTO delivery_attempts (delivery_id, number, start_time, "
                             + "duration_ms, outcome, status_code, detail, request, response_headers, response_excerpt) "
                             + "VALUES (?, 1, ?, 12, 'SUCCEEDED', 200, 'HTTP 200 OK', 'POST /old', '{}', '')")) {
                    for (int index = chunkStart; index < chunkEnd; index++) {
                        String eventId = "old-" + index;
                        events.setString(1, accountId);
                        events.setString(2, eventId);
                        events.setString(3, "call-" + index);
                        events.setString(4, time);
                        events.setString(5, time);
                        events.executeUpdate();
                        long eventRowId;
                        try (ResultSet keys = events.getGeneratedKeys()) {
                            keys.next();
                            eventRowId = keys.getLong(1);
                        }
                        String deliveryId = timeOrderedId(when, index);
                        deliveries.setString(1, deliveryId);
                        deliveries.setLong(2, eventRowId);
                        deliveries.setString(3, accountId);
                        deliveries.setString(4, integrationId);
                        deliveries.setString(5, eventId);
                        deliveries.setString(6, "call-" + index);
                        deliveries.setString(7, time);
                        deliveries.setString(8, time);
                        deliveries.addBatch();
                        attempts.setString(1, deliveryId);
                        attempts.setString(2, time);
                        attempts.addBatch();
                    }
                    deliveries.executeBatch();
                    attempts.executeBatch();
                }
            });
        }
    }
}
