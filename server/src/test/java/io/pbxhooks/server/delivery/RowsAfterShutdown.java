package io.pbxhooks.server.delivery;

import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a server's database over a connection of its own, for when the server has shut down and its pool is closed. */
final class RowsAfterShutdown {

    private final TestServer server;

    RowsAfterShutdown(TestServer server) {
        this.server = server;
    }

    /** The columns of the one row {@code sql} returns, by name (lower case). */
    Map<String, Object> row(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError(sql + ": no row");
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    row.put(rows.getMetaData().getColumnLabel(column).toLowerCase(java.util.Locale.ROOT), rows.getObject(column));
                }
                return row;
            }
        }
    }

    long count(String sql, Object... parameters) throws SQLException {
        return ((Number) row(sql, parameters).values().iterator().next()).longValue();
    }

    private Connection connect() throws SQLException {
        Map<String, Object> properties = server.database().serverProperties();
        if (server.database().kind() == TestDatabase.Kind.H2) {
            return DriverManager.getConnection(TestDatabase.h2Url(server.dataDirectory()), "sa", "");
        }
        return DriverManager.getConnection((String) properties.get("pbxhooks.datasource.url"),
                (String) properties.get("pbxhooks.datasource.username"), (String) properties.get("pbxhooks.datasource.password"));
    }
}
