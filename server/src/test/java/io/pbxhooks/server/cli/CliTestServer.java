package io.pbxhooks.server.cli;

import io.pbxhooks.admin.auth.ApiKeySecrets;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A real server with a known operator key, and the CLI pointed at it. */
final class CliTestServer implements AutoCloseable {

    static final String OPERATOR_KEY = ApiKeySecrets.generate();

    private final TestServer server;

    private CliTestServer(TestServer server) {
        this.server = server;
    }

    /** On H2. */
    static CliTestServer start() {
        return start(TestDatabase.Kind.H2);
    }

    static CliTestServer start(TestDatabase.Kind database) {
        return start(database, Map.of());
    }

    /** Loopback receivers are allowed, as the demo's embedded server allows them; {@code extraProperties} override. */
    static CliTestServer start(TestDatabase.Kind database, Map<String, Object> extraProperties) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "pbxhooks.operator-key", OPERATOR_KEY,
                "pbxhooks.allowed-destinations", "127.0.0.1/32"));
        properties.putAll(extraProperties);
        return new CliTestServer(TestServer.start(database, properties));
    }

    String address() {
        return "127.0.0.1:" + server.grpcPort();
    }

    TestServer server() {
        return server;
    }

    /** Runs {@code pbxhooks <args> --server <this server> --key <key>}. */
    Cli.Run run(String key, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", address(), "--key", key));
        return Cli.run(all.toArray(String[]::new));
    }

    /** Creates an account and an admin key of it through the CLI; returns the key's secret. */
    String createAccountWithAdminKey(String accountId) {
        Cli.Run account = run(OPERATOR_KEY, "accounts", "create", accountId, "--name", "Account " + accountId);
        if (account.exitCode() != 0) {
            throw new AssertionError(account.transcript());
        }
        return createKey(accountId, "admin");
    }

    /** Creates a key through the CLI; returns its secret. */
    String createKey(String accountId, String role) {
        Cli.Run key = run(OPERATOR_KEY, "keys", "create", "--account", accountId, "--role", role, "--description", role + " key");
        if (key.exitCode() != 0) {
            throw new AssertionError(key.transcript());
        }
        return key.detail("Secret");
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
