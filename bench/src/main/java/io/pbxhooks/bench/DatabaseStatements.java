package io.pbxhooks.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * MariaDB's count of statements executed (global status {@code Questions}): its growth per event shows the database
 * round trips an event costs, whatever the fan-out. H2 keeps no such count.
 */
final class DatabaseStatements {

    private DatabaseStatements() {
    }

    static OptionalLong count(Database database) {
        if (database.kind() != Database.Kind.MARIADB) {
            return OptionalLong.empty();
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            return row.next() ? OptionalLong.of(row.getLong(2)) : OptionalLong.empty();
        } catch (SQLException e) {
            return OptionalLong.empty();
        }
    }

    static String perEvent(OptionalLong before, OptionalLong after, long events) {
        if (before.isEmpty() || after.isEmpty() || events == 0) {
            return "n/a (H2)";
        }
        return String.format(java.util.Locale.ROOT, "%.2f", (after.getAsLong() - before.getAsLong()) / (double) events);
    }
}
