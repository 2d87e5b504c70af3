package io.pbxhooks.server.reliability;

import io.pbxhooks.admin.auth.ApiKeySecrets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server processes of one pbxhooks installation: one database, the same operator and secret keys, short
 * delivery leases so that a dead node's work is taken over quickly, and local receivers allowed. Each start of a
 * node is a new incarnation with its own node id ({@code node-a-1}, {@code node-a-2} after a restart ...).
 */
final class Installation implements AutoCloseable {

    /**
     * Short, so that a dead node's work is taken over soon (the default is 60 s), yet longer than a node just started
     * takes for its first attempts on a busy two-core machine: with 5 s, its first deliveries were sometimes taken over
     * by the other node while still being sent, and sent twice.
     */
    static final Duration LEASE = Duration.ofSeconds(15);

    private final Map<String, String> properties = new HashMap<>();
    private final Path logDirectory;
    private final String operatorKey = ApiKeySecrets.generate();
    private final List<ServerProcess> started = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> incarnations = new HashMap<>();

    Installation(LedgerDatabase database, Path logDirectory) {
        this.logDirectory = logDirectory;
        properties.putAll(Map.of(
                "pbxhooks.datasource.url", database.jdbcUrl(),
                "pbxhooks.datasource.username", database.username(),
                "pbxhooks.datasource.password", database.password(),
                "pbxhooks.secret-key", randomKey(),
                "pbxhooks.operator-key", operatorKey,
                "pbxhooks.allowed-destinations", "127.0.0.1/32",
                "pbxhooks.grpc.port", "0",
                "micronaut.server.port", "-1",
                "pbxhooks.delivery.lease", LEASE.toMillis() + "ms",
                "pbxhooks.delivery.poll-interval", "200ms"));
        properties.put("pbxhooks.delivery.retry-delays", "1s,2s,4s");
    }

    /** Sets a server property of the nodes started from now on. */
    synchronized Installation with(String property, String value) {
        properties.put(property, value);
        return this;
    }

    /** Starts (or restarts) node {@code name}, e.g. "a", as a new incarnation. */
    synchronized ServerProcess start(String name) {
        int incarnation = incarnations.merge(name, 1, Integer::sum);
        Path dataDirectory = logDirectory.resolve("data-" + name);
        Map<String, String> nodeProperties = new HashMap<>(properties);
        nodeProperties.put("pbxhooks.data-dir", dataDirectory.toString());
        nodeProperties.put("pbxhooks.plugins-dir", dataDirectory.resolve("plugins").toString());
        ServerProcess node = ServerProcess.start("node-" + name + "-" + incarnation, nodeProperties, logDirectory);
        started.add(node);
        return node;
    }

    String operatorKey() {
        return operatorKey;
    }

    /** The nodes running now and not told to stop. */
    List<ServerProcess> alive() {
        return started.stream().filter(node -> node.isAlive() && !node.isTerminating()).toList();
    }

    /**
     * The producers' choice of node: the {@code index}-th running node (modulo their number), so producers spread over
     * the nodes; waits while none is running (e.g. during a restart).
     */
    ServerProcess aliveNode(int index) {
        while (true) {
            List<ServerProcess> alive = alive();
            if (!alive.isEmpty()) {
                return alive.get(index % alive.size());
            }
            ServerProcess.sleep(50);
        }
    }

    @Override
    public void close() {
        started.forEach(ServerProcess::close);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
