package io.pbxhooks.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Many accounts with many integrations, written straight into the server's own tables while it is stopped (its matching
 * index loads them when it starts). Every integration copies the configuration of a template integration that was
 * created through the admin API — unsigned, so no secret encrypted for another row is copied — and each account's
 * integrations cycle through the five Hosted PBX events, so an answered call matches {@code perAccount / 5} of them.
 */
final class BulkIntegrations {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private BulkIntegrations() {
    }

    static void insert(Connection connection, String templateAccount, String accountPrefix, int accounts, int perAccount) throws SQLException {
        String transportConfig;
        String fieldMappings;
        try (PreparedStatement template = connection.prepareStatement(
                "SELECT transport_config, field_mappings FROM integrations WHERE account_id = ?")) {
            template.setString(1, templateAccount);
            try (ResultSet row = template.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no template integration in account " + templateAccount);
                }
                transportConfig = row.getString(1);
                fieldMappings = row.getString(2);
            }
        }
        String now = DATETIME.format(LocalDateTime.now(ZoneOffset.UTC));
        connection.setAutoCommit(false);
        try (PreparedStatement account = connection.prepareStatement("INSERT INTO accounts (id, display_name, create_time) VALUES (?, ?, ?)");
             PreparedStatement application = connection.prepareStatement(
                     "INSERT INTO account_applications (account_id, application, enable_time) VALUES (?, 'service-integrations', ?)");
             PreparedStatement integration = connection.prepareStatement("INSERT INTO integrations (id, account_id, name, transport_type, "
                     + "trigger_service_type, trigger_event, enabled, transport_config, field_mappings, version, create_time, update_time) "
                     + "VALUES (?, ?, ?, 'webhook', ?, ?, 1, ?, ?, 1, ?, ?)")) {
            for (int number = 0; number < accounts; number++) {
                String accountId = accountPrefix + number;
                account.setString(1, accountId);
                account.setString(2, "Bench " + accountId);
                account.setString(3, now);
                account.addBatch();
                application.setString(1, accountId);
                application.setString(2, now);
                application.addBatch();
                for (int copy = 0; copy < perAccount; copy++) {
                    integration.setString(1, UUID.randomUUID().toString());
                    integration.setString(2, accountId);
                    integration.setString(3, "bulk " + copy);
                    integration.setString(4, BenchEvents.SERVICE_TYPE);
                    integration.setString(5, BenchEvents.ALL_EVENT_TYPES.get(copy % BenchEvents.ALL_EVENT_TYPES.size()));
                    integration.setString(6, transportConfig);
                    integration.setString(7, fieldMappings);
                    integration.setString(8, now);
                    integration.setString(9, now);
                    integration.addBatch();
                }
                if (number % 500 == 499 || number == accounts - 1) {
                    account.executeBatch();
                    application.executeBatch();
                    integration.executeBatch();
                    connection.commit();
                }
            }
        }
    }
}
