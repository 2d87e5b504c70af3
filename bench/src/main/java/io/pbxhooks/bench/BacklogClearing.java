package io.pbxhooks.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Marks every unfinished delivery FAILED, directly in the server's tables while no server runs: the backlog an
 * overloaded step leaves behind would otherwise be delivered during, and distort, the measurements that follow.
 */
final class BacklogClearing {

    private BacklogClearing() {
    }

    static long clear(Database database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate("UPDATE deliveries SET state = 'FAILED', lease_owner = NULL, lease_until = NULL, "
                    + "last_error = 'cleared by the benchmark' WHERE state IN ('PENDING', 'RETRY_SCHEDULED', 'IN_FLIGHT')");
        }
    }
}
