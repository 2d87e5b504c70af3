package io.pbxhooks.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.UUID;

/**
 * Ceiling (c): a bare JDBC loop writing what durable ingest writes — per event one events row and one deliveries row,
 * in copies of the server's two tables (same columns, keys and indexes) — {@code batchSize} events per transaction,
 * multi-row INSERTs, one thread, on the same database with the same driver and settings.
 */
final class JdbcInsertCeiling {

    record Result(long events, double seconds) {
        double perSecond() {
            return events / seconds;
        }
    }

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final String FIELDS = "{\"call_uuid\":\"bench-0\",\"date_time\":\"2026-11-29T06:00:00Z\",\"source_number\":\"+61491570156\","
            + "\"destination_number\":\"+61255501000\",\"extension_number\":\"0042\",\"name\":\"Zoë Nguyen\"}";

    private JdbcInsertCeiling() {
    }

    static Result run(Connection connection, int batchSize, Duration duration) throws SQLException {
        createTables(connection);
        connection.setAutoCommit(false);
        String eventInsert = "INSERT INTO ceiling_events (account_id, event_id, service_type, event_type, ordering_key, occurred_at, "
                + "received_at, fields) VALUES " + String.join(", ", Collections.nCopies(batchSize, "(?, ?, ?, ?, ?, ?, ?, ?)"));
        String deliveryInsert = "INSERT INTO ceiling_deliveries (id, event_row_id, account_id, integration_id, event_id, service_type, "
                + "event_type, ordering_key, state, attempt_count, next_attempt_at, last_status_code, test, create_time, update_time) VALUES "
                + String.join(", ", Collections.nCopies(batchSize, "(?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, 0, ?, ?, ?)"));
        String integrationId = UUID.randomUUID().toString();
        long written = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (PreparedStatement events = connection.prepareStatement(eventInsert, Statement.RETURN_GENERATED_KEYS);
             PreparedStatement deliveries = connection.prepareStatement(deliveryInsert)) {
            while (System.nanoTime() < end) {
                String now = DATETIME.format(LocalDateTime.now(ZoneOffset.UTC));
                int parameter = 1;
                for (int row = 0; row < batchSize; row++) {
                    long sequence = written + row;
                    events.setString(parameter++, "acct-ceiling");
                    events.setString(parameter++, "ceiling-" + start + "-" + sequence);
                    events.setString(parameter++, BenchEvents.SERVICE_TYPE);
                    events.setString(parameter++, BenchEvents.ANSWERED);
                    events.setString(parameter++, "bench-" + sequence);
                    events.setString(parameter++, now);
                    events.setString(parameter++, now);
                    events.setString(parameter++, FIELDS);
                }
                events.executeUpdate();
                parameter = 1;
                try (ResultSet keys = events.getGeneratedKeys()) {
                    for (int row = 0; row < batchSize; row++) {
                        keys.next();
                        long sequence = written + row;
                        deliveries.setString(parameter++, UUID.randomUUID().toString());
                        deliveries.setLong(parameter++, keys.getLong(1));
                        deliveries.setString(parameter++, "acct-ceiling");
                        deliveries.setString(parameter++, integrationId);
                        deliveries.setString(parameter++, "ceiling-" + start + "-" + sequence);
                        deliveries.setString(parameter++, BenchEvents.SERVICE_TYPE);
                        deliveries.setString(parameter++, BenchEvents.ANSWERED);
                        deliveries.setString(parameter++, "bench-" + sequence);
                        deliveries.setString(parameter++, now);
                        deliveries.setBoolean(parameter++, false);
                        deliveries.setString(parameter++, now);
                        deliveries.setString(parameter++, now);
                    }
                }
                deliveries.executeUpdate();
                connection.commit();
                written += batchSize;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        dropTables(connection);
        return new Result(written, seconds);
    }

    private static void createTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            dropTables(connection);
            statement.execute("CREATE TABLE ceiling_events (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, account_id VARCHAR(64) NOT NULL, "
                    + "event_id VARCHAR(128) NOT NULL, service_type VARCHAR(64) NOT NULL, event_type VARCHAR(64) NULL, "
                    + "ordering_key VARCHAR(200) NULL, occurred_at DATETIME(3) NOT NULL, received_at DATETIME(3) NOT NULL, "
                    + "fields MEDIUMTEXT NOT NULL, CONSTRAINT uq_ceiling_events UNIQUE (account_id, event_id))");
            statement.execute("CREATE INDEX ix_ceiling_events_received ON ceiling_events (received_at)");
            statement.execute("CREATE TABLE ceiling_deliveries (id VARCHAR(36) NOT NULL PRIMARY KEY, event_row_id BIGINT NOT NULL, "
                    + "account_id VARCHAR(64) NOT NULL, integration_id VARCHAR(36) NOT NULL, event_id VARCHAR(128) NOT NULL, "
                    + "service_type VARCHAR(64) NOT NULL, event_type VARCHAR(64) NOT NULL, ordering_key VARCHAR(200) NULL, "
                    + "state VARCHAR(16) NOT NULL, attempt_count INT NOT NULL, next_attempt_at DATETIME(3) NULL, lease_owner VARCHAR(64) NULL, "
                    + "lease_until DATETIME(3) NULL, last_status_code INT NOT NULL, last_error VARCHAR(500) NULL, test TINYINT(1) NOT NULL, "
                    + "create_time DATETIME(3) NOT NULL, update_time DATETIME(3) NOT NULL, "
                    + "CONSTRAINT fk_ceiling_deliveries_event FOREIGN KEY (event_row_id) REFERENCES ceiling_events (id))");
            for (String index : new String[] {"(state, next_attempt_at)", "(state, lease_until)", "(integration_id, ordering_key, event_row_id)",
                    "(account_id, create_time)", "(state, update_time)"}) {
                statement.execute("CREATE INDEX ix_ceiling_deliveries_" + Math.abs(index.hashCode()) + " ON ceiling_deliveries " + index);
            }
        }
    }

    private static void dropTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS ceiling_deliveries");
            statement.execute("DROP TABLE IF EXISTS ceiling_events");
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
