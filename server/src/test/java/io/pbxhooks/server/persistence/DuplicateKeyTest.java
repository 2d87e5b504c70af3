package io.pbxhooks.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.admin.error.AlreadyExistsException;
import io.pbxhooks.admin.port.AccountRecord;
import io.pbxhooks.admin.port.ApiKeyRecord;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.Role;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stores let the database's unique keys decide whether an id is taken, and tell a duplicate key (ALREADY_EXISTS) from
 * any other integrity failure, which stays a server error.
 */
class DuplicateKeyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aTakenKeyIdOrSecretHashIsAlreadyExistsAndNothingMoreIsSaved(TestDatabase.Kind database) throws Exception {
        try (TestServer server = TestServer.start(database, Map.of("pbxhooks.delivery.enabled", "false"))) {
            server.context().getBean(JdbcAccountStore.class).create(new AccountRecord("acme", "Acme", Set.of(), NOW), audit("account.create", "acme"));
            JdbcApiKeyStore keys = server.context().getBean(JdbcApiKeyStore.class);
            keys.create(key("k1", "acme"), "a".repeat(64), audit("api_key.create", "k1"));

            AlreadyExistsException sameId = assertThrows(AlreadyExistsException.class,
                    () -> keys.create(key("k1", "acme"), "b".repeat(64), audit("api_key.create", "k1")));
            assertEquals("api key \"k1\" already exists", sameId.getMessage());
            assertThrows(AlreadyExistsException.class, () -> keys.create(key("k2", "acme"), "a".repeat(64), audit("api_key.create", "k2")));

            assertEquals(1, server.queryForLong("SELECT COUNT(*) FROM api_keys"));
            assertEquals(2, server.queryForLong("SELECT COUNT(*) FROM audit_entries"), "the account's and the one key's");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aForeignKeyFailureIsNotTakenForADuplicate(TestDatabase.Kind database) throws Exception {
        try (TestServer server = TestServer.start(database, Map.of("pbxhooks.delivery.enabled", "false"))) {
            JdbcApiKeyStore keys = server.context().getBean(JdbcApiKeyStore.class);
            RuntimeException failure = assertThrows(RuntimeException.class,
                    () -> keys.create(key("k1", "no-such-account"), "a".repeat(64), audit("api_key.create", "k1")));
            assertFalse(failure instanceof AlreadyExistsException, failure::toString);
            assertTrue(Sql.isConstraintViolation(failure), failure::toString);
            assertFalse(Sql.isDuplicateKey(failure), failure::toString);
            assertEquals(0, server.queryForLong("SELECT COUNT(*) FROM api_keys"));
            assertEquals(0, server.queryForLong("SELECT COUNT(*) FROM audit_entries"));
        }
    }

    private static ApiKeyRecord key(String id, String accountId) {
        return new ApiKeyRecord(id, accountId, Role.ADMIN, "test key", NOW, null);
    }

    private static AuditEntryDraft audit(String action, String resourceId) {
        return new AuditEntryDraft("acme", "operator", action, action.substring(0, action.indexOf('.')), resourceId, action, NOW);
    }
}
