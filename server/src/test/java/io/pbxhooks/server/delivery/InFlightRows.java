package io.pbxhooks.server.delivery;

import io.pbxhooks.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Deliveries written straight into a test server's database, as a node holding them in flight leaves them. */
final class InFlightRows {

    static final String NODE = "a-node";

    private InFlightRows() {
    }

    static Connection connect(TestServer server) throws Exception {
        Map<String, Object> database = server.database().serverProperties();
        return DriverManager.getConnection((String) database.get("pbxhooks.datasource.url"),
                (String) database.get("pbxhooks.datasource.username"), (String) database.get("pbxhooks.datasource.password"));
    }

    /** An IN_FLIGHT delivery at its first attempt, leased to {@value #NODE} until {@code leaseUntil}, with its event. */
    static void insert(Connection connection, String id, Instant leaseUntil, boolean test) throws SQLException {
        insert(connection, id, NODE, leaseUntil, test);
    }

    static void insert(Connection connection, String id, String leaseOwner, Instant leaseUntil, boolean test) throws SQLException {
        long eventRowId;
        try (PreparedStatement event = connection.prepareStatement("INSERT INTO events (account_id, event_id, service_type, event_type, "
                + "ordering_key, occurred_at, received_at, fields) VALUES ('acct', ?, 'hosted-pbx', 'inbound_call_received', ?, ?, ?, '[]')",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            event.setString(1, "event-of-" + id);
            event.setString(2, "call-of-" + id);
            event.setString(3, utc(Instant.now()));
            event.setString(4, utc(Instant.now()));
            event.executeUpdate();
            try (var keys = event.getGeneratedKeys()) {
                keys.next();
                eventRowId = keys.getLong(1);
            }
        }
        try (PreparedStatement delivery = connection.prepareStatement("INSERT INTO deliveries (id, event_row_id, account_id, integration_id, "
                + "event_id, service_type, event_type, ordering_key, state, attempt_count, next_attempt_at, lease_owner, lease_until, "
                + "last_status_code, test, create_time, update_time) VALUES (?, ?, 'acct', 'integration', ?, 'hosted-pbx', "
                + "'inbound_call_received', ?, 'IN_FLIGHT', 1, ?, ?, ?, 0, ?, ?, ?)")) {
            String past = utc(Instant.now().minusSeconds(120));
            delivery.setString(1, id);
            delivery.setLong(2, eventRowId);
            delivery.setString(3, "event-of-" + id);
            delivery.setString(4, "call-of-" + id);
            delivery.setString(5, past);
            delivery.setString(6, leaseOwner);
            delivery.setString(7, utc(leaseUntil));
            delivery.setBoolean(8, test);
            delivery.setString(9, past);
            delivery.setString(10, past);
            delivery.executeUpdate();
        }
    }

    /** As the server writes DATETIME(3) values: UTC text with milliseconds. */
    static String utc(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC).format(instant);
    }
}
