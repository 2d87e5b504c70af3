package io.pbxhooks.server.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.pbxhooks.admin.error.AlreadyExistsException;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Plain SQL on the connection of the current transaction. Instants are stored as UTC wall-clock
 * {@code DATETIME(3)} values, so every node reads the same instant whatever its time zone.
 */
@Singleton
public class Sql {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private static final String H2_DUPLICATE_KEY_SQL_STATE = "23505";
    /** A serialization failure; MySQL/MariaDB use it for "Deadlock found when trying to get lock". */
    private static final String SERIALIZATION_FAILURE_SQL_STATE = "40001";
    private static final String MYSQL_INTEGRITY_SQL_STATE = "23000";
    /** ER_DUP_KEY, ER_DUP_ENTRY, ER_DUP_ENTRY_WITH_KEY_NAME. */
    private static final Set<Integer> MYSQL_DUPLICATE_KEY_ERRORS = Set.of(1022, 1062, 1586);

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final JdbcOperations jdbc;

    public Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of rows changed: conditional updates check it. */
    public int update(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            return statement.executeUpdate();
        });
    }

    /** One statement for many rows of parameters (a JDBC batch); the rows changed by each. */
    public int[] updateBatch(String sql, List<Object[]> rows) {
        return jdbc.prepareStatement(sql, statement -> {
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /** Runs an INSERT into a table with an AUTO_INCREMENT key and returns the key. */
    public long insertReturningKey(String sql, Object... parameters) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(statement, parameters);
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Runs a multi-row INSERT into a table with an AUTO_INCREMENT key and returns the keys in the order of the rows. */
    public long[] insertReturningKeys(String sql, int rows, Object... parameters) {
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(statement, parameters);
                statement.executeUpdate();
                long[] keys = new long[rows];
                try (ResultSet generated = statement.getGeneratedKeys()) {
                    for (int row = 0; row < rows; row++) {
                        if (!generated.next()) {
                            throw new SQLException("the database returned " + row + " generated keys for " + rows + " rows");
                        }
                        keys[row] = generated.getLong(1);
                    }
                }
                return keys;
            }
        });
    }

    /**
     * Inserts a row with {@code insert}; a duplicate primary or unique key becomes {@link AlreadyExistsException}. No check
     * first: two concurrent creates would both find the key free. The key decides.
     */
    public void insertNew(String resource, String id, String insert, Object... parameters) {
        try {
            update(insert, parameters);
        } catch (RuntimeException failure) {
            if (isDuplicateKey(failure)) {
                throw new AlreadyExistsException(resource, id);
            }
            throw failure;
        }
    }

    /** Whether {@code failure} is a unique or foreign key violation, whichever driver raised it. */
    public static boolean isConstraintViolation(Throwable failure) {
        return hasCause(failure, cause -> cause instanceof SQLIntegrityConstraintViolationException);
    }

    /**
     * Whether {@code failure} is a duplicate primary or unique key, not another constraint: H2 reports SQLSTATE 23505; MySQL
     * and MariaDB report every integrity failure as 23000 and tell a duplicate by its error code.
     */
    public static boolean isDuplicateKey(Throwable failure) {
        return hasCause(failure, cause -> H2_DUPLICATE_KEY_SQL_STATE.equals(cause.getSQLState())
                || (MYSQL_INTEGRITY_SQL_STATE.equals(cause.getSQLState()) && MYSQL_DUPLICATE_KEY_ERRORS.contains(cause.getErrorCode())));
    }

    /** Whether the database rolled back {@code failure}'s transaction to break a deadlock (SQLSTATE 40001): retry it. */
    public static boolean isDeadlock(Throwable failure) {
        return hasCause(failure, cause -> SERIALIZATION_FAILURE_SQL_STATE.equals(cause.getSQLState()));
    }

    private static boolean hasCause(Throwable failure, Predicate<SQLException> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sqlFailure && test.test(sqlFailure)) {
                return true;
            }
        }
        return false;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    rows.add(mapper.map(resultSet));
                }
            }
            return rows;
        });
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
        return query(sql, mapper, parameters).stream().findFirst();
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** What a DATETIME(3) column keeps of an instant: the store hands back exactly what it will read. */
    public static Instant storable(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int index = 0; index < parameters.length; index++) {
            Object parameter = parameters[index];
            if (parameter == null) {
                statement.setNull(index + 1, Types.NULL);
            } else if (parameter instanceof Instant instant) {
                // As text: Connector/J drops the milliseconds of a LocalDateTime for MariaDB, which it takes for MySQL 5.5.
                statement.setString(index + 1, DATETIME.format(LocalDateTime.ofInstant(storable(instant), ZoneOffset.UTC)));
            } else {
                statement.setObject(index + 1, parameter);
            }
        }
    }
}
