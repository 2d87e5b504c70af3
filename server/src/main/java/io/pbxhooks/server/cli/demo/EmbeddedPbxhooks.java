package io.pbxhooks.server.cli.demo;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.pbxhooks.admin.auth.ApiKeySecrets;
import io.pbxhooks.server.grpc.GrpcServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A whole pbxhooks server in this process for the demo: embedded H2 in a temporary data directory (deleted on close),
 * free ports, a fresh operator key, and an outbound allowlist holding only the loopback receiver.
 */
final class EmbeddedPbxhooks implements AutoCloseable {

    private final EmbeddedServer server;
    private final Path dataDirectory;
    private final String operatorKey;

    private EmbeddedPbxhooks(EmbeddedServer server, Path dataDirectory, String operatorKey) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.operatorKey = operatorKey;
    }

    static EmbeddedPbxhooks start() {
        Path dataDirectory;
        try {
            dataDirectory = Files.createTempDirectory("pbxhooks-demo");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary data directory: " + e.getMessage(), e);
        }
        String operatorKey = ApiKeySecrets.generate();
        // Set explicitly so that a PBXHOOKS_DATASOURCE_URL meant for a real install never points the demo at it.
        Map<String, Object> properties = Map.of(
                "pbxhooks.data-dir", dataDirectory.toString(),
                "pbxhooks.datasource.url", "jdbc:h2:file:" + dataDirectory.resolve("pbxhooks") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE",
                "pbxhooks.datasource.username", "sa",
                "pbxhooks.datasource.password", "",
                "pbxhooks.plugins-dir", dataDirectory.resolve("plugins").toString(),
                "pbxhooks.grpc.port", 0,
                "micronaut.server.port", -1,
                "pbxhooks.operator-key", operatorKey,
                "pbxhooks.allowed-destinations", "127.0.0.1/32");
        try {
            return new EmbeddedPbxhooks(ApplicationContext.run(EmbeddedServer.class, properties), dataDirectory, operatorKey);
        } catch (RuntimeException e) {
            deleteTree(dataDirectory);
            throw e;
        }
    }

    /** {@code 127.0.0.1:<port>} of its gRPC listener. */
    String grpcAddress() {
        return "127.0.0.1:" + server.getApplicationContext().getBean(GrpcServer.class).port();
    }

    String operatorKey() {
        return operatorKey;
    }

    @Override
    public void close() {
        try {
            server.getApplicationContext().close();
        } finally {
            deleteTree(dataDirectory);
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}
