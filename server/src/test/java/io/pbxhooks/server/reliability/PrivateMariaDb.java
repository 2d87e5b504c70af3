package io.pbxhooks.server.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the test's own (its data in a temporary directory, its own port), so that it can be restarted
 * and crashed without disturbing the shared MariaDB other tests use, and without a service manager: the same
 * {@code mariadbd} binary that {@code .ci/run} installs, started and stopped as a plain process. It runs without grant
 * tables (any user connects), bound to 127.0.0.1.
 */
final class PrivateMariaDb implements AutoCloseable {

    static final String SCHEMA = "pbxhooks_reliability";

    private final Path directory;
    private final int port;
    private Process server;

    private PrivateMariaDb(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    static PrivateMariaDb start() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("pbxhooks-mariadb");
        run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + directory.resolve("data"), "--user=root",
                "--auth-root-authentication-method=normal", "--skip-test-db"), directory.resolve("install.log"));
        PrivateMariaDb database = new PrivateMariaDb(directory, freePort());
        database.launch();
        try (Connection connection = database.connect("")) {
            connection.createStatement().execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            database.close();
            throw new IllegalStateException("cannot create the schema: " + e.getMessage(), e);
        }
        return database;
    }

    /** A clean restart, as {@code service mariadb restart} does: shutdown (SIGTERM), {@code down} without a database, start. */
    void restart(Duration down) {
        stop(false);
        ServerProcess.sleep(down.toMillis());
        launch();
    }

    /** A crash and a start: {@code kill -9} of mariadbd, then InnoDB recovers from its log at start. */
    void crashAndStart() {
        stop(true);
        launch();
    }

    LedgerDatabase ledger() {
        return new LedgerDatabase(jdbcUrl(SCHEMA), "pbxhooks", "pbxhooks", () -> { });
    }

    private void launch() {
        try {
            server = new ProcessBuilder(mariadbd(), "--no-defaults", "--datadir=" + directory.resolve("data"), "--port=" + port,
                    "--bind-address=127.0.0.1", "--socket=" + directory.resolve("mysqld.sock"), "--pid-file=" + directory.resolve("mysqld.pid"),
                    "--user=root", "--skip-grant-tables", "--innodb-buffer-pool-size=128M", "--max-connections=300",
                    "--log-error=" + directory.resolve("error.log")).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("mariadbd.out").toFile())).start();
            ChildProcesses.track(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mariadbd", e);
        }
        Await.until("MariaDB accepting connections on port " + port, Duration.ofSeconds(60), () -> {
            try (Connection ignored = connect("")) {
                return true;
            } catch (SQLException notYet) {
                return false;
            }
        });
    }

    private void stop(boolean crash) {
        if (crash) {
            server.destroyForcibly();
        } else {
            server.destroy();
        }
        try {
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        ChildProcesses.ended(server);
    }

    private Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(schema), "pbxhooks", "pbxhooks");
    }

    private String jdbcUrl(String schema) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + schema;
    }

    @Override
    public void close() {
        if (server != null) {
            stop(false);
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private static String mariadbd() {
        return Files.isExecutable(Path.of("/usr/sbin/mariadbd")) ? "/usr/sbin/mariadbd" : "mariadbd";
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
