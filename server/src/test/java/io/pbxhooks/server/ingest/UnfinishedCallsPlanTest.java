package io.pbxhooks.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ingest transaction's lookup of unfinished calls seeks each (integration, call) pair through the deliveries'
 * ordering index, on each database, rather than reading every delivery of the integration: with an IN list on the
 * index's second column H2 sought the integration only, and each ingest transaction got slower as the table grew
 * (acknowledgement p50 2.8 s at 570 events/s in a full bench run). The integration asked about has {@value #FINISHED}
 * finished deliveries, which the lookup must not read.
 */
class UnfinishedCallsPlanTest {

    private static final Pattern H2_PAIR_SEEK = Pattern.compile("(?i)ix_deliveries_order: integration_id = \\S+\\s+AND ordering_key = ");
    private static final int FINISHED = 1_000;

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachPairIsSoughtThroughTheOrderingIndex(TestDatabase.Kind database) throws Exception {
        Map<String, Set<String>> keysByIntegration = new LinkedHashMap<>();
        keysByIntegration.put("integration-a", new LinkedHashSet<>(List.of("call-1", "call-2", "call-3")));
        keysByIntegration.put("integration-b", Set.of("call-4"));
        boolean onH2 = database == TestDatabase.Kind.H2;
        List<UnfinishedCalls.Lookup> lookups = UnfinishedCalls.lookups(keysByIntegration, onH2);
        assertEquals(1, lookups.size(), "one statement");

        try (TestServer server = TestServer.start(database, Map.of("pbxhooks.delivery.enabled", "false"))) {
            insertFinishedDeliveries(server, "integration-a");
            server.inTransaction(connection -> {
                try (Statement statistics = connection.createStatement()) {
                    statistics.execute(onH2 ? "ANALYZE" : "ANALYZE TABLE deliveries");
                }
            });
            List<Map<String, String>> plan = explain(server, lookups.get(0));
            if (onH2) {
                String text = plan.get(0).values().iterator().next();
                Matcher seeks = H2_PAIR_SEEK.matcher(text);
                int pairsSought = 0;
                while (seeks.find()) {
                    pairsSought++;
                }
                assertEquals(4, pairsSought, () -> "each of the 4 pairs sought by integration and ordering key:\n" + text);
            } else {
                assertEquals(2, plan.size(), plan::toString);
                for (Map<String, String> part : plan) {
                    assertTrue(!"ALL".equals(part.get("type")) && Long.parseLong(part.get("rows").split(" ")[0]) <= 10,
                            () -> "a few rows read, not the integration's " + FINISHED + " finished deliveries: " + plan);
                }
            }
        }
    }

    private static void insertFinishedDeliveries(TestServer server, String integrationId) {
        server.inTransaction(connection -> {
            try (PreparedStatement event = connection.prepareStatement("INSERT INTO events (id, account_id, event_id, service_type, "
                    + "event_type, ordering_key, occurred_at, received_at, fields) VALUES (1, 'acct', 'event', 'hosted-pbx', "
                    + "'inbound_call_received', 'call-0', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '[]')")) {
                event.executeUpdate();
            }
            try (PreparedStatement delivery = connection.prepareStatement("INSERT INTO deliveries (id, event_row_id, account_id, "
                    + "integration_id, event_id, service_type, event_type, ordering_key, state, attempt_count, next_attempt_at, "
                    + "last_status_code, test, create_time, update_time) VALUES (?, 1, 'acct', ?, 'event', 'hosted-pbx', "
                    + "'inbound_call_received', ?, 'SUCCEEDED', 1, NULL, 204, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                for (int index = 0; index < FINISHED; index++) {
                    delivery.setString(1, "finished-" + index);
                    delivery.setString(2, integrationId);
                    delivery.setString(3, "call-" + index);
                    delivery.addBatch();
                }
                delivery.executeBatch();
            }
        });
    }

    /** EXPLAIN's rows, each as column label → value. */
    private static List<Map<String, String>> explain(TestServer server, UnfinishedCalls.Lookup lookup) {
        List<Map<String, String>> rows = new ArrayList<>();
        server.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + lookup.sql())) {
                for (int index = 0; index < lookup.parameters().size(); index++) {
                    statement.setObject(index + 1, lookup.parameters().get(index));
                }
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                            row.put(result.getMetaData().getColumnLabel(column), result.getString(column));
                        }
                        rows.add(row);
                    }
                }
            }
        });
        return rows;
    }
}
