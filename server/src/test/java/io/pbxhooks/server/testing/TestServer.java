package io.pbxhooks.server.testing;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import io.pbxhooks.server.grpc.GrpcServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A whole pbxhooks server in this JVM on free ports, with its own data directory and database. */
public final class TestServer implements AutoCloseable {

    private final EmbeddedServer httpServer;
    private final TestDatabase database;
    private final Path dataDirectory;
    private final ManagedChannel channel;
    private final boolean ownsDatabase;
    private final Map<String, Object> properties;

    private TestServer(Map<String, Object> properties, TestDatabase database, Path dataDirectory, boolean ownsDatabase) {
        this.properties = Map.copyOf(properties);
        this.httpServer = ApplicationContext.run(EmbeddedServer.class, properties);
        this.database = database;
        this.dataDirectory = dataDirectory;
        this.ownsDatabase = ownsDatabase;
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort()).usePlaintext().build();
    }

    public static TestServer start(TestDatabase.Kind kind) {
        return start(kind, Map.of());
    }

    public static TestServer start(TestDatabase.Kind kind, Map<String, Object> extraProperties) {
        return start(TestDatabase.create(kind), extraProperties);
    }

    /** A server on {@code database}, which it drops when it closes. */
    public static TestServer start(TestDatabase database, Map<String, Object> extraProperties) {
        try {
            Path dataDirectory = Files.createTempDirectory("pbxhooks-test-data");
            Map<String, Object> properties = new HashMap<>(baseProperties(dataDirectory));
            properties.putAll(database.serverProperties());
            properties.putAll(extraProperties);
            return new TestServer(properties, database, dataDirectory, true);
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * A second node of the same installation: its own ports and process state, the same database (for H2, the same
     * file, shared inside this JVM) and the same keys. Closing it leaves the database to this server.
     */
    public TestServer startAnotherNode(Map<String, Object> extraProperties) {
        Map<String, Object> nodeProperties = new HashMap<>(properties);
        nodeProperties.putAll(extraProperties);
        return new TestServer(nodeProperties, database, dataDirectory, false);
    }

    /** Lets deliveries reach receivers on this machine, which the server refuses by default; tests of that refusal override it. */
    public static final String LOCAL_RECEIVERS_ALLOWED = "127.0.0.0/8,::1/128";

    /**
     * Properties of a test server: free ports, a fresh data directory, an empty plugins directory, and
     * {@code pbxhooks.allowed-destinations} set to {@link #LOCAL_RECEIVERS_ALLOWED} so tests can deliver to local receivers.
     */
    public static Map<String, Object> baseProperties(Path dataDirectory) {
        return Map.of(
                "pbxhooks.data-dir", dataDirectory.toString(),
                "pbxhooks.plugins-dir", dataDirectory.resolve("plugins").toString(),
                "pbxhooks.grpc.port", 0,
                "pbxhooks.allowed-destinations", LOCAL_RECEIVERS_ALLOWED,
                "micronaut.server.port", -1);
    }

    public ApplicationContext context() {
        return httpServer.getApplicationContext();
    }

    public int grpcPort() {
        return context().getBean(GrpcServer.class).port();
    }

    public int httpPort() {
        return httpServer.getPort();
    }

    public ManagedChannel channel() {
        return channel;
    }

    /** Runs a query returning one number, in a read-only transaction of the server's own data source. */
    public long queryForLong(String sql) {
        return queryForOne(sql, resultSet -> resultSet.getLong(1));
    }

    /** Runs a query returning one text value (null for SQL NULL), like {@link #queryForLong}. */
    public String queryForString(String sql) {
        return queryForOne(sql, resultSet -> resultSet.getString(1));
    }

    /** Work on a JDBC connection of the server's own data source. */
    public interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction of the server's own data source, e.g. batched inserts. */
    @SuppressWarnings("unchecked")
    public void inTransaction(ConnectionWork work) {
        TransactionOperations<Connection> transactions = context().getBean(TransactionOperations.class);
        transactions.executeWrite(status -> {
            try {
                work.run(status.getConnection());
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** Runs an INSERT, UPDATE or DELETE in a transaction of the server's own data source; returns the rows changed. */
    @SuppressWarnings("unchecked")
    public int execute(String sql, Object... parameters) {
        TransactionOperations<Connection> transactions = context().getBean(TransactionOperations.class);
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int index = 0; index < parameters.length; index++) {
                    statement.setObject(index + 1, parameters[index]);
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        });
    }

    /** Runs a query returning one text column, every row of it, like {@link #queryForLong}. */
    @SuppressWarnings("unchecked")
    public java.util.List<String> queryForStrings(String sql) {
        TransactionOperations<Connection> transactions = context().getBean(TransactionOperations.class);
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql);
                 ResultSet resultSet = statement.executeQuery()) {
                java.util.List<String> values = new java.util.ArrayList<>();
                while (resultSet.next()) {
                    values.add(resultSet.getString(1));
                }
                return values;
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        });
    }

    private interface ColumnReader<T> {
        T read(ResultSet resultSet) throws SQLException;
    }

    @SuppressWarnings("unchecked")
    private <T> T queryForOne(String sql, ColumnReader<T> reader) {
        TransactionOperations<Connection> transactions = context().getBean(TransactionOperations.class);
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql);
                 ResultSet resultSet = statement.executeQuery()) {
                if (!resultSet.next()) {
                    throw new IllegalStateException(sql + ": no row");
                }
                return reader.read(resultSet);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        });
    }

    public TestDatabase database() {
        return database;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        httpServer.getApplicationContext().close();
        if (ownsDatabase) {
            database.close();
        }
    }
}
