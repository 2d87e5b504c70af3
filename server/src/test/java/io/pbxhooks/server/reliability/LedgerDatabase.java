package io.pbxhooks.server.reliability;

import io.pbxhooks.server.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The installation's MariaDB schema as the tests read it, independently of the servers: what is left unfinished,
 * which deliveries a node held when it was killed, how often each delivery was claimed.
 */
final class LedgerDatabase implements AutoCloseable {

    static final String UNFINISHED = "('PENDING', 'IN_FLIGHT', 'RETRY_SCHEDULED')";

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final AutoCloseable owner;

    LedgerDatabase(String jdbcUrl, String username, String password, AutoCloseable owner) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.owner = owner;
    }

    /**
     * A new schema on the MariaDB server that {@code .ci/run} prepares, dropped on close unless
     * {@code -Dpbxhooks.reliability.keep-database=true} (to look into a failure).
     */
    static LedgerDatabase onSharedServer() {
        TestDatabase schema = TestDatabase.create(TestDatabase.Kind.MARIADB);
        Map<String, Object> properties = schema.serverProperties();
        String url = (String) properties.get("pbxhooks.datasource.url");
        boolean keep = Boolean.getBoolean("pbxhooks.reliability.keep-database");
        return new LedgerDatabase(url, (String) properties.get("pbxhooks.datasource.username"),
                (String) properties.get("pbxhooks.datasource.password"), keep ? () -> System.out.println("kept " + url) : schema);
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    long count(String sqlReturningOneNumber) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sqlReturningOneNumber);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sqlReturningOneNumber + ": " + e.getMessage(), e);
        }
    }

    /** Deliveries not yet SUCCEEDED or FAILED. */
    long unfinished() {
        return count("SELECT COUNT(*) FROM deliveries WHERE state IN " + UNFINISHED);
    }

    /**
     * The deliveries a node has leased and not finished, with the end of each lease: right after the node is killed,
     * those it was sending.
     */
    Map<String, Instant> inFlightOf(String nodeId) {
        Map<String, Instant> leases = new HashMap<>();
        query("SELECT id, lease_until FROM deliveries WHERE state = 'IN_FLIGHT' AND lease_owner = '" + nodeId + "'",
                row -> leases.put(row.getString(1), row.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
        return leases;
    }

    /** The deliveries in flight now, by the node holding their lease. */
    Map<String, Set<String>> inFlightByNode() {
        Map<String, Set<String>> byNode = new HashMap<>();
        query("SELECT id, lease_owner FROM deliveries WHERE state = 'IN_FLIGHT'",
                row -> byNode.computeIfAbsent(row.getString(2), node -> new HashSet<>()).add(row.getString(1)));
        return byNode;
    }

    /** How many times each delivery was claimed (one attempt each); more than once only after a takeover. */
    Map<String, Integer> claimsByDelivery() {
        Map<String, Integer> claims = new HashMap<>();
        query("SELECT id, attempt_count FROM deliveries", row -> claims.put(row.getString(1), row.getInt(2)));
        return claims;
    }

    /**
     * Claims that left no recorded attempt: the claiming node died, or could not record the outcome. In normal operation
     * none; a delivery retried after a failed attempt (a connection reset, say) has one attempt per claim.
     */
    long claimsWithoutAttempt() {
        return count("SELECT COALESCE(SUM(d.attempt_count - (SELECT COUNT(*) FROM delivery_attempts a WHERE a.delivery_id = d.id)), 0) "
                + "FROM deliveries d");
    }

    /** The attempts that did not succeed, e.g. "RETRYABLE: connection reset (3)", for the figures. */
    Map<String, Long> failedAttempts() {
        Map<String, Long> attempts = new HashMap<>();
        query("SELECT outcome, detail, COUNT(*) FROM delivery_attempts WHERE outcome <> 'SUCCEEDED' GROUP BY outcome, detail",
                row -> attempts.put(row.getString(1) + ": " + row.getString(2), row.getLong(3)));
        return attempts;
    }

    /** The deliveries by state, e.g. {SUCCEEDED=30000}. */
    Map<String, Long> deliveriesByState() {
        Map<String, Long> states = new HashMap<>();
        query("SELECT state, COUNT(*) FROM deliveries GROUP BY state", row -> states.put(row.getString(1), row.getLong(2)));
        return states;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, RowReader reader) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                reader.read(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    @Override
    public void close() throws Exception {
        owner.close();
    }
}
