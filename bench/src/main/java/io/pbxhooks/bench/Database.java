package io.pbxhooks.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The database a benchmark run uses: the server's embedded H2 file (in the run's data directory) or a scratch schema
 * {@code pbxhooks_bench} on the local MariaDB (root, empty password, 127.0.0.1:3306), dropped and created afresh.
 * The bench itself opens H2 only while no server runs (H2 locks its file).
 */
final class Database {

    enum Kind { H2, MARIADB }

    private static final String MARIADB_SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final String SCHEMA = "pbxhooks_bench";

    private final Kind kind;
    private final Path dataDirectory;
    private final String secretKey = randomKey();

    private Database(Kind kind, Path dataDirectory) {
        this.kind = kind;
        this.dataDirectory = dataDirectory;
    }

    static Database fresh(Kind kind, Path runDirectory) throws SQLException {
        Database database = new Database(kind, runDirectory.resolve(kind.name().toLowerCase() + "-data"));
        if (kind == Kind.MARIADB) {
            try (Connection connection = DriverManager.getConnection(MARIADB_SERVER, "root", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + SCHEMA);
                statement.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
        }
        return database;
    }

    Kind kind() {
        return kind;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** The server's settings for this database. */
    Map<String, String> serverProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("pbxhooks.data-dir", dataDirectory.toString());
        properties.put("pbxhooks.secret-key", secretKey);
        if (kind == Kind.MARIADB) {
            properties.put("pbxhooks.datasource.url", MARIADB_SERVER + SCHEMA);
            properties.put("pbxhooks.datasource.username", "root");
            properties.put("pbxhooks.datasource.password", "");
        }
        return properties;
    }

    /** A connection to the server's own database (for H2: only while the server is stopped). */
    Connection connect() throws SQLException {
        if (kind == Kind.MARIADB) {
            return DriverManager.getConnection(MARIADB_SERVER + SCHEMA + "?rewriteBatchedStatements=true", "root", "");
        }
        return DriverManager.getConnection(h2Url(dataDirectory.resolve("pbxhooks")), "sa", "");
    }

    /** A connection to a scratch database of the same kind and settings, for the bare JDBC ceiling. */
    Connection connectScratch() throws SQLException {
        if (kind == Kind.MARIADB) {
            return connect();
        }
        return DriverManager.getConnection(h2Url(dataDirectory.resolveSibling("h2-ceiling").resolve("ceiling")), "sa", "");
    }

    /** mariadbd, whose CPU counts as the database's; none on H2 (it runs inside the server). */
    OptionalLong processId() {
        if (kind == Kind.H2) {
            return OptionalLong.empty();
        }
        return ProcessCpu.mariadbPid().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    String describe() {
        return kind == Kind.H2 ? "H2 (embedded, file in " + dataDirectory + ")" : "MariaDB 127.0.0.1:3306, schema " + SCHEMA;
    }

    private static String h2Url(Path file) {
        return "jdbc:h2:file:" + file + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
