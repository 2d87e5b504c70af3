package io.pbxhooks.server.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mysql.cj.jdbc.JdbcConnection;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * On MariaDB the server's connections cache prepared statements and send a batch of updates in one round trip, and a
 * batch still tells each statement's row count (the outcome updates check every one).
 */
class MySqlDriverSettingsTest {

    @Test
    void connectionsToMariaDbCacheStatementsAndRewriteBatchesKeepingEachRowCount() throws Exception {
        assumeTrue(TestDatabase.kinds().contains(TestDatabase.Kind.MARIADB), "MariaDB tests are not enabled");
        try (TestServer server = TestServer.start(TestDatabase.Kind.MARIADB, Map.of("pbxhooks.delivery.enabled", "false"))) {
            AtomicReference<Map<String, String>> settings = new AtomicReference<>();
            server.inTransaction(connection -> {
                var properties = connection.unwrap(JdbcConnection.class).getPropertySet();
                settings.set(Map.of(
                        "cachePrepStmts", properties.getProperty("cachePrepStmts").getStringValue(),
                        "rewriteBatchedStatements", properties.getProperty("rewriteBatchedStatements").getStringValue(),
                        "useLocalSessionState", properties.getProperty("useLocalSessionState").getStringValue()));
            });
            assertEquals(Map.of("cachePrepStmts", "true", "rewriteBatchedStatements", "true", "useLocalSessionState", "true"), settings.get());

            server.execute("INSERT INTO accounts (id, display_name, create_time) VALUES ('batch-a', 'A', CURRENT_TIMESTAMP), "
                    + "('batch-b', 'B', CURRENT_TIMESTAMP)");
            Sql sql = server.context().getBean(Sql.class);
            AtomicReference<int[]> counts = new AtomicReference<>();
            server.inTransaction(connection -> counts.set(sql.updateBatch("UPDATE accounts SET display_name = ? WHERE id = ? AND display_name = ?",
                    List.of(new Object[] {"A2", "batch-a", "A"}, new Object[] {"B2", "batch-b", "not B"}, new Object[] {"B3", "batch-b", "B"}))));
            assertArrayEquals(new int[] {1, 0, 1}, counts.get());
        }
    }
}
