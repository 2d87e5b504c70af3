package io.pbxhooks.server.admin;

import static io.pbxhooks.server.admin.GrpcAssertions.assertInvalid;
import static io.pbxhooks.server.admin.GrpcAssertions.assertStatus;
import static io.pbxhooks.server.testing.AdminTestServer.OPERATOR_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.AuditEntry;
import io.pbxhooks.admin.v1.CreateAccountRequest;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.GetAccountRequest;
import io.pbxhooks.admin.v1.ListAccountsRequest;
import io.pbxhooks.admin.v1.ListApiKeysRequest;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of accounts, their application and their keys, over the socket. */
class AccountRulesTest {

    private static final String KNOWN_APPLICATIONS = "known applications: service-integrations";

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAccountIdIsTakenOnceAndTheFirstAccountIsKept(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            AccountServiceBlockingStub operator = api.accounts(OPERATOR_KEY);
            Account first = operator.createAccount(create("acme", "Acme Ltd")).getAccount();

            StatusRuntimeException taken = assertStatus(Status.Code.ALREADY_EXISTS, () -> operator.createAccount(create("acme", "Other Acme")));
            assertEquals("account \"acme\" already exists", taken.getStatus().getDescription());
            assertEquals("ALREADY_EXISTS", GrpcAssertions.errorInfo(taken).getReason());

            assertEquals(first, operator.getAccount(GetAccountRequest.newBuilder().setId("acme").build()).getAccount());
            assertEquals(List.of("account.create"), actions(api, "acme"));
        }
    }

    /** Both requests find the id free, both insert: the database's key decides, and the loser hears ALREADY_EXISTS, not INTERNAL. */
    @ParameterizedTest
    @MethodSource("databases")
    void twoConcurrentCreatesOfOneAccountGiveOneAccountAndOneAlreadyExists(TestDatabase.Kind database) throws Exception {
        int rounds = 15;
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (AdminTestServer api = AdminTestServer.start(database)) {
            AccountServiceBlockingStub operator = api.accounts(OPERATOR_KEY);
            for (int round = 0; round < rounds; round++) {
                String id = "race-" + round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Status.Code>> outcomes = new ArrayList<>();
                for (int client = 0; client < 2; client++) {
                    String displayName = "Racer " + client;
                    outcomes.add(clients.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            operator.createAccount(create(id, displayName));
                            return Status.Code.OK;
                        } catch (StatusRuntimeException failure) {
                            return failure.getStatus().getCode();
                        }
                    }));
                }
                List<Status.Code> codes = new ArrayList<>();
                for (Future<Status.Code> outcome : outcomes) {
                    codes.add(outcome.get(60, TimeUnit.SECONDS));
                }
                codes.sort(null);
                assertEquals(List.of(Status.Code.OK, Status.Code.ALREADY_EXISTS), codes, "round " + round);
                assertEquals(List.of("account.create"), actions(api, id), "one account, audited once");
            }
            assertEquals(rounds, operator.listAccounts(ListAccountsRequest.newBuilder().setPageSize(1000).build()).getAccountsCount());
        } finally {
            clients.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBadIdOrDisplayNameIsRefusedFieldByFieldAndNothingIsSaved(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            AccountServiceBlockingStub operator = api.accounts(OPERATOR_KEY);
            String idRule = "id must be letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters";
            for (String badId : List.of("-acme", ".acme", "acme corp", "acme/eu", "ácme", "a".repeat(65))) {
                assertEquals(Map.of("account.id", idRule), assertInvalid(() -> operator.createAccount(create(badId, "Acme"))), badId);
            }
            assertEquals(Map.of("account.id", "id is required"), assertInvalid(() -> operator.createAccount(create("", "Acme"))));
            assertEquals(Map.of("account.display_name", "display_name is required"),
                    assertInvalid(() -> operator.createAccount(create("acme", " \t"))));
            assertEquals(Map.of("account.display_name", "display_name must be at most 200 characters"),
                    assertInvalid(() -> operator.createAccount(create("acme", "n".repeat(201)))));
            assertEquals(List.of("account.id", "account.display_name"),
                    List.copyOf(assertInvalid(() -> operator.createAccount(create("acme eu", ""))).keySet()), "both at once");

            assertEquals(0, operator.listAccounts(ListAccountsRequest.getDefaultInstance()).getAccountsCount());
            assertEquals(0, api.server().queryForLong("SELECT COUNT(*) FROM audit_entries"));

            operator.createAccount(create("a".repeat(64), "n".repeat(200)));
            operator.createAccount(create("9_acme.eu-1", "Acme EU"));
            assertEquals(2, operator.listAccounts(ListAccountsRequest.getDefaultInstance()).getAccountsCount(), "the limits themselves are fine");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anUnknownApplicationIsRefusedWithTheKnownOnes(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            String adminKey = api.createAccountWithAdmin("acme");
            for (AccountServiceBlockingStub caller : List.of(api.accounts(OPERATOR_KEY), api.accounts(adminKey))) {
                assertEquals(Map.of("application", "unknown application \"crm\"; " + KNOWN_APPLICATIONS),
                        assertInvalid(() -> caller.setApplicationEnabled(switchRequest("acme", "crm", true))));
                assertEquals(Map.of("application", "unknown application \"Service-Integrations\"; " + KNOWN_APPLICATIONS),
                        assertInvalid(() -> caller.setApplicationEnabled(switchRequest("acme", "Service-Integrations", true))));
                assertEquals(Map.of("application", "application is required; " + KNOWN_APPLICATIONS),
                        assertInvalid(() -> caller.setApplicationEnabled(switchRequest("acme", "", true))));
            }
            assertEquals(Map.of("account_id", "account_id is required with an operator key"),
                    assertInvalid(() -> api.accounts(OPERATOR_KEY).setApplicationEnabled(switchRequest("", "service-integrations", true))));
            assertStatus(Status.Code.NOT_FOUND, () -> api.accounts(OPERATOR_KEY).setApplicationEnabled(switchRequest("initech", "service-integrations", true)));
            assertEquals(List.of(), account(api, "acme").getApplicationsList());
            assertEquals(List.of("api_key.create", "account.create"), actions(api, "acme"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theApplicationIsSwitchedOffAndOnAgain(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            String adminKey = api.createAccountWithAdmin("acme");
            api.createAccount("globex");
            AccountServiceBlockingStub operator = api.accounts(OPERATOR_KEY);
            AccountServiceBlockingStub admin = api.accounts(adminKey);
            List<String> on = List.of("service-integrations");

            assertEquals(on, operator.setApplicationEnabled(switchRequest("acme", "service-integrations", true)).getAccount().getApplicationsList());
            assertEquals(on, admin.setApplicationEnabled(switchRequest("", "service-integrations", true)).getAccount().getApplicationsList(),
                    "switching it on again keeps it on, once");
            assertEquals(List.of(), admin.setApplicationEnabled(switchRequest("", "service-integrations", false)).getAccount().getApplicationsList());
            assertEquals(List.of(), account(api, "acme").getApplicationsList());
            assertEquals(List.of(), operator.setApplicationEnabled(switchRequest("acme", "service-integrations", false)).getAccount().getApplicationsList());
            assertEquals(on, operator.setApplicationEnabled(switchRequest("acme", "service-integrations", true)).getAccount().getApplicationsList());

            assertEquals(on, account(api, "acme").getApplicationsList());
            assertEquals(on, admin.getAccount(GetAccountRequest.getDefaultInstance()).getAccount().getApplicationsList());
            assertEquals(List.of(), account(api, "globex").getApplicationsList(), "another account is untouched");
            assertEquals(1, api.server().queryForLong("SELECT COUNT(*) FROM account_applications"));
            List<AuditEntry> switches = api.audit(OPERATOR_KEY).listAuditEntries(ListAuditEntriesRequest.newBuilder().setAccountId("acme").build())
                    .getAuditEntriesList().subList(0, 5);
            assertEquals(List.of("switched application service-integrations on", "switched application service-integrations off",
                    "switched application service-integrations off", "switched application service-integrations on",
                    "switched application service-integrations on"), switches.stream().map(AuditEntry::getSummary).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aKeysRoleMustFitItsAccountId(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            String adminKey = api.createAccountWithAdmin("acme");
            AccountServiceBlockingStub operator = api.accounts(OPERATOR_KEY);
            AccountServiceBlockingStub admin = api.accounts(adminKey);

            assertEquals(Map.of("account_id", "account_id must be empty for an operator key: operator keys belong to no account"),
                    assertInvalid(() -> operator.createApiKey(keyRequest("acme", ApiKey.Role.OPERATOR, "ops"))));
            for (ApiKey.Role role : List.of(ApiKey.Role.ADMIN, ApiKey.Role.PRODUCER)) {
                assertEquals(Map.of("account_id", "account_id is required with an operator key"),
                        assertInvalid(() -> operator.createApiKey(keyRequest("", role, "no account"))), role.name());
            }
            assertEquals(Map.of("all_accounts", "all_accounts is only for a PRODUCER key (the PBX platform's, publishing for every account)"),
                    assertInvalid(() -> operator.createApiKey(keyRequest("", ApiKey.Role.ADMIN, "everything").toBuilder().setAllAccounts(true).build())));
            assertEquals(Map.of("account_id", "account_id must be empty with all_accounts: the key publishes for every account"),
                    assertInvalid(() -> operator.createApiKey(keyRequest("acme", ApiKey.Role.PRODUCER, "both").toBuilder().setAllAccounts(true).build())));
            assertStatus(Status.Code.PERMISSION_DENIED,
                    () -> admin.createApiKey(keyRequest("", ApiKey.Role.PRODUCER, "escalation").toBuilder().setAllAccounts(true).build()));
            assertEquals(Map.of("role", "role is required: OPERATOR, ADMIN or PRODUCER"),
                    assertInvalid(() -> operator.createApiKey(keyRequest("acme", ApiKey.Role.ROLE_UNSPECIFIED, "no role"))));
            assertEquals(Map.of("role", "role is required: OPERATOR, ADMIN or PRODUCER"),
                    assertInvalid(() -> operator.createApiKey(CreateApiKeyRequest.newBuilder().setAccountId("acme").setRoleValue(9).build())));
            assertEquals(Map.of("description", "description must be at most 200 characters"),
                    assertInvalid(() -> operator.createApiKey(keyRequest("acme", ApiKey.Role.PRODUCER, "d".repeat(201)))));
            assertStatus(Status.Code.PERMISSION_DENIED, () -> admin.createApiKey(keyRequest("", ApiKey.Role.OPERATOR, "escalation")));
            assertStatus(Status.Code.PERMISSION_DENIED, () -> admin.createApiKey(keyRequest("acme", ApiKey.Role.OPERATOR, "escalation")));
            assertStatus(Status.Code.NOT_FOUND, () -> operator.createApiKey(keyRequest("initech", ApiKey.Role.ADMIN, "unknown account")));

            assertEquals(1, admin.listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeysCount(), "only the admin key of the set-up");
            assertEquals(1, api.server().queryForLong("SELECT COUNT(*) FROM api_keys"));

            assertEquals("", operator.createApiKey(keyRequest("", ApiKey.Role.OPERATOR, "second operator")).getApiKey().getAccountId());
            assertEquals("", operator.createApiKey(keyRequest("", ApiKey.Role.PRODUCER, "the PBX platform").toBuilder().setAllAccounts(true).build())
                    .getApiKey().getAccountId());
            assertEquals("acme", admin.createApiKey(keyRequest("", ApiKey.Role.PRODUCER, "d".repeat(200))).getApiKey().getAccountId());
        }
    }

    private static CreateAccountRequest create(String id, String displayName) {
        return CreateAccountRequest.newBuilder().setAccount(Account.newBuilder().setId(id).setDisplayName(displayName)).build();
    }

    private static SetApplicationEnabledRequest switchRequest(String accountId, String application, boolean enabled) {
        return SetApplicationEnabledRequest.newBuilder().setAccountId(accountId).setApplication(application).setEnabled(enabled).build();
    }

    private static CreateApiKeyRequest keyRequest(String accountId, ApiKey.Role role, String description) {
        return CreateApiKeyRequest.newBuilder().setAccountId(accountId).setRole(role).setDescription(description).build();
    }

    private static Account account(AdminTestServer api, String id) {
        return api.accounts(OPERATOR_KEY).getAccount(GetAccountRequest.newBuilder().setId(id).build()).getAccount();
    }

    /** The audited actions of the account, newest first. */
    private static List<String> actions(AdminTestServer api, String accountId) {
        return api.audit(OPERATOR_KEY).listAuditEntries(ListAuditEntriesRequest.newBuilder().setAccountId(accountId).build())
                .getAuditEntriesList().stream().map(AuditEntry::getAction).toList();
    }
}
