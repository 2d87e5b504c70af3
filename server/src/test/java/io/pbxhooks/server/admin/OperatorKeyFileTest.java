package io.pbxhooks.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.Status;
import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.CreateAccountRequest;
import io.pbxhooks.admin.v1.GetAccountRequest;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Without a configured operator key the server makes one, into an owner-only file, and logs where it is, never the key. */
class OperatorKeyFileTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theGeneratedOperatorKeyIsInAnOwnerOnlyFileAndWorks(TestDatabase.Kind database) throws Exception {
        assumeTrue(System.getenv("PBXHOOKS_OPERATOR_KEY") == null, "the environment chooses the operator key");
        List<String> logLines;
        String operatorKey;
        Path keyFile;
        try (LogCapture logs = new LogCapture()) {
            try (AdminTestServer api = new AdminTestServer(TestServer.start(database))) {
                keyFile = api.server().dataDirectory().resolve("operator.key");
                assertTrue(Files.isRegularFile(keyFile), keyFile + " exists");
                assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(keyFile));
                operatorKey = Files.readString(keyFile, StandardCharsets.UTF_8).trim();
                assertTrue(operatorKey.matches("pbx_[A-Za-z0-9_-]{43}"), "256 random bits");

                Account created = api.accounts(operatorKey).createAccount(CreateAccountRequest.newBuilder()
                        .setAccount(Account.newBuilder().setId("acme").setDisplayName("Acme Ltd")).build()).getAccount();
                assertEquals("acme", created.getId());
                assertEquals("Acme Ltd", api.accounts(operatorKey).getAccount(GetAccountRequest.newBuilder().setId("acme").build())
                        .getAccount().getDisplayName());
                GrpcAssertions.assertStatus(Status.Code.UNAUTHENTICATED, () -> api.accounts(AdminTestServer.OPERATOR_KEY)
                        .getAccount(GetAccountRequest.newBuilder().setId("acme").build()));
                if (database == TestDatabase.Kind.H2) {
                    Path secretKeyFile = api.server().dataDirectory().resolve("secret.key");
                    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(secretKeyFile),
                            "the embedded database's generated secret key too");
                }
            }
            logLines = logs.lines();
        }
        assertTrue(logLines.stream().anyMatch(line -> line.contains(keyFile.toAbsolutePath().toString())), "the log says where the key is");
        logLines.forEach(line -> assertFalse(line.contains(operatorKey), () -> "the operator key in the log: " + line));
    }
}
