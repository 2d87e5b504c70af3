package io.pbxhooks.server.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty database for one test server: an H2 file in the data directory, or a new schema on the
 * MariaDB server that {@code .ci/run} prepares. MariaDB runs too when {@code PBXHOOKS_TEST_MARIADB=true}
 * (or {@code -Dpbxhooks.test.mariadb=true}).
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind { H2, MARIADB }

    private static final String MARIADB_URL = setting("PBXHOOKS_TEST_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/");
    private static final String MARIADB_USER = setting("PBXHOOKS_TEST_MARIADB_USER", "pbxhooks");
    private static final String MARIADB_PASSWORD = setting("PBXHOOKS_TEST_MARIADB_PASSWORD", "pbxhooks");

    /** Fixed for the test run so that several test nodes on one schema can read each other's secrets. */
    private static final String SHARED_SECRET_KEY = randomKey();

    private final Kind kind;
    private final String schema;

    private TestDatabase(Kind kind, String schema) {
        this.kind = kind;
        this.schema = schema;
    }

    /** The kinds to run persistence tests on: always H2, and MariaDB when enabled. */
    public static List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.H2));
        if (Boolean.getBoolean("pbxhooks.test.mariadb") || "true".equals(System.getenv("PBXHOOKS_TEST_MARIADB"))) {
            kinds.add(Kind.MARIADB);
        }
        return kinds;
    }

    public static TestDatabase create(Kind kind) {
        if (kind == Kind.H2) {
            return new TestDatabase(kind, null);
        }
        String schema = "pbxhooks_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return new TestDatabase(kind, schema);
    }

    public Kind kind() {
        return kind;
    }

    /** Server properties selecting this database; H2 lives in the server's data directory. */
    public Map<String, Object> serverProperties() {
        if (kind == Kind.H2) {
            return Map.of();
        }
        return Map.of(
                "pbxhooks.datasource.url", MARIADB_URL + schema,
                "pbxhooks.datasource.username", MARIADB_USER,
                "pbxhooks.datasource.password", MARIADB_PASSWORD,
                "pbxhooks.secret-key", SHARED_SECRET_KEY);
    }

    public static String h2Url(Path dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.resolve("pbxhooks") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
    }

    @Override
    public void close() {
        if (kind == Kind.MARIADB) {
            execute("DROP DATABASE IF EXISTS " + schema);
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(MARIADB_URL, MARIADB_USER, MARIADB_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB tests are enabled but " + MARIADB_URL + " refused: " + e.getMessage()
                    + " (run .ci/run, or create the user as it does)", e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String setting(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
