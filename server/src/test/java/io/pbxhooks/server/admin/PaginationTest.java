package io.pbxhooks.server.admin;

import static io.pbxhooks.server.admin.GrpcAssertions.assertInvalid;
import static io.pbxhooks.server.testing.AdminTestServer.OPERATOR_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.AuditEntry;
import io.pbxhooks.admin.v1.CreateApiKeyResponse;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.admin.v1.ListAccountsRequest;
import io.pbxhooks.admin.v1.ListAccountsResponse;
import io.pbxhooks.admin.v1.ListApiKeysRequest;
import io.pbxhooks.admin.v1.ListApiKeysResponse;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.ListAuditEntriesResponse;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.ListIntegrationsResponse;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Lists come in pages, each continuing where the last ended; a token of another list is refused. */
class PaginationTest {

    private static final String PAGE_TOKEN_REFUSED = "is not a page token of this list";

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void sevenIntegrationsComeInThreePagesOfThreeInCreationOrder(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            IntegrationServiceBlockingStub admin = api.integrations(api.createAccountWithAdmin("acme"));
            List<String> created = new ArrayList<>();
            for (int number = 1; number <= 7; number++) {
                created.add(admin.createIntegration(CreateIntegrationRequest.newBuilder()
                        .setIntegration(WebhookIntegrations.answeredCalls("CRM " + number)).build()).getIntegration().getId());
                // Creation order is kept to the millisecond; one apart, these seven have a defined order.
                Thread.sleep(2);
            }

            List<List<String>> pages = new ArrayList<>();
            String token = "";
            do {
                ListIntegrationsResponse page = admin.listIntegrations(ListIntegrationsRequest.newBuilder().setPageSize(3).setPageToken(token).build());
                pages.add(page.getIntegrationsList().stream().map(Integration::getId).toList());
                token = page.getNextPageToken();
            } while (!token.isEmpty() && pages.size() < 10);
            assertEquals(List.of(created.subList(0, 3), created.subList(3, 6), created.subList(6, 7)), pages);

            for (String id : List.of(created.get(1), created.get(4), created.get(5))) {
                admin.disableIntegration(DisableIntegrationRequest.newBuilder().setId(id).build());
            }
            ListIntegrationsResponse firstEnabled = admin.listIntegrations(ListIntegrationsRequest.newBuilder().setEnabled(true).setPageSize(2).build());
            ListIntegrationsResponse lastEnabled = admin.listIntegrations(ListIntegrationsRequest.newBuilder().setEnabled(true).setPageSize(2)
                    .setPageToken(firstEnabled.getNextPageToken()).build());
            assertEquals(List.of(created.get(0), created.get(2), created.get(3), created.get(6)),
                    ids(firstEnabled.getIntegrationsList(), lastEnabled.getIntegrationsList()));
            assertEquals("", lastEnabled.getNextPageToken());
            assertEquals(7, admin.listIntegrations(ListIntegrationsRequest.newBuilder().setPageSize(5000).build()).getIntegrationsCount(),
                    "a page size above the maximum is lowered to it");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void walkingEveryPageOfAccountsGivesEachAccountOnceInIdOrder(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            List<String> ids = List.of("umbrella", "acme", "initech", "globex", "Zeta", "hooli", "9-lives");
            ids.forEach(api::createAccount);
            List<String> walked = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String token = "";
            do {
                ListAccountsResponse page = api.accounts(OPERATOR_KEY).listAccounts(ListAccountsRequest.newBuilder().setPageSize(3).setPageToken(token).build());
                page.getAccountsList().forEach(account -> walked.add(account.getId()));
                pageSizes.add(page.getAccountsCount());
                token = page.getNextPageToken();
            } while (!token.isEmpty() && pageSizes.size() < 10);
            assertEquals(ids.stream().sorted().toList(), walked, "byte order of the ids, on both databases");
            assertEquals(List.of(3, 3, 1), pageSizes);
            assertEquals(walked, api.accounts(OPERATOR_KEY).listAccounts(ListAccountsRequest.getDefaultInstance()).getAccountsList().stream()
                    .map(Account::getId).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void walkingEveryPageOfApiKeysGivesEachKeyOnceInCreationOrder(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            api.createAccount("acme");
            api.createAccount("globex");
            List<ApiKey> acmeKeys = new ArrayList<>();
            List<ApiKey> allKeys = new ArrayList<>();
            for (int number = 0; number < 9; number++) {
                ApiKey key = api.createKey(number % 3 == 2 ? "globex" : "acme", number % 2 == 0 ? ApiKey.Role.ADMIN : ApiKey.Role.PRODUCER).getApiKey();
                allKeys.add(key);
                if (key.getAccountId().equals("acme")) {
                    acmeKeys.add(key);
                }
                // Creation order is kept to the millisecond.
                Thread.sleep(2);
            }
            CreateApiKeyResponse acmeAdmin = api.createKey("acme", ApiKey.Role.ADMIN);
            acmeKeys.add(acmeAdmin.getApiKey());
            allKeys.add(acmeAdmin.getApiKey());

            assertEquals(acmeKeys, walkKeys(api, OPERATOR_KEY, "acme"));
            assertEquals(acmeKeys, walkKeys(api, acmeAdmin.getSecret(), ""), "an admin walks its own account's keys");
            assertEquals(allKeys, walkKeys(api, OPERATOR_KEY, ""), "every account's keys, for the operator");
            assertEquals(allKeys.stream().filter(key -> key.getAccountId().equals("globex")).toList(), walkKeys(api, OPERATOR_KEY, "globex"));
        }
    }

    /** Every key the caller lists for the account, two a page. */
    private static List<ApiKey> walkKeys(AdminTestServer api, String key, String accountId) {
        List<ApiKey> walked = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListApiKeysResponse page = api.accounts(key).listApiKeys(ListApiKeysRequest.newBuilder().setAccountId(accountId).setPageSize(2)
                    .setPageToken(token).build());
            assertTrue(page.getApiKeysCount() <= 2, page::toString);
            walked.addAll(page.getApiKeysList());
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty() && pages < 20);
        assertTrue(pages > 1, "more than one page");
        return walked;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theAuditTrailPagesNewestFirst(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            IntegrationServiceBlockingStub admin = api.integrations(api.createAccountWithAdmin("acme"));
            for (int number = 1; number <= 4; number++) {
                admin.createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(WebhookIntegrations.answeredCalls("CRM " + number)).build());
            }
            List<AuditEntry> all = api.audit(OPERATOR_KEY).listAuditEntries(ListAuditEntriesRequest.newBuilder().setAccountId("acme").build())
                    .getAuditEntriesList();
            assertEquals(6, all.size());
            List<AuditEntry> paged = new ArrayList<>();
            String token = "";
            int pages = 0;
            do {
                ListAuditEntriesResponse page = api.audit(OPERATOR_KEY).listAuditEntries(ListAuditEntriesRequest.newBuilder()
                        .setAccountId("acme").setPageSize(4).setPageToken(token).build());
                paged.addAll(page.getAuditEntriesList());
                token = page.getNextPageToken();
                pages++;
            } while (!token.isEmpty() && pages < 10);
            assertEquals(2, pages);
            assertEquals(all, paged);
            assertEquals("account.create", paged.get(5).getAction());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPageTokenOfAnotherListOrNoTokenAtAllIsRefused(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            String adminKey = api.createAccountWithAdmin("acme");
            api.createKey("acme", ApiKey.Role.PRODUCER);
            IntegrationServiceBlockingStub admin = api.integrations(adminKey);
            String keysToken = api.accounts(adminKey).listApiKeys(ListApiKeysRequest.newBuilder().setPageSize(1).build()).getNextPageToken();
            assertFalse(keysToken.isEmpty());

            for (String foreign : List.of(keysToken, "not-a-token", "%%%", token("integrations|yesterday|x"))) {
                Map<String, String> violations = assertInvalid(() -> admin.listIntegrations(ListIntegrationsRequest.newBuilder().setPageToken(foreign).build()));
                assertEquals(List.of("page_token"), List.copyOf(violations.keySet()), foreign);
                assertTrue(violations.get("page_token").contains(PAGE_TOKEN_REFUSED), violations::toString);
            }
            assertEquals(List.of("page_size"), List.copyOf(assertInvalid(() -> admin.listIntegrations(ListIntegrationsRequest.newBuilder()
                    .setPageSize(-1).build())).keySet()));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aForgedAuditPageTokenIsInvalidNotAnInternalError(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            String adminKey = api.createAccountWithAdmin("acme");
            Map<String, String> violations = assertInvalid(() -> api.audit(adminKey).listAuditEntries(ListAuditEntriesRequest.newBuilder()
                    .setPageToken(token("audit|0|not-a-number")).build()));
            assertEquals(List.of("page_token"), List.copyOf(violations.keySet()));
        }
    }

    /** A token as the server makes them, with any content: Base64url of the text. */
    private static String token(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @SafeVarargs
    private static List<String> ids(List<Integration>... pages) {
        List<String> ids = new ArrayList<>();
        for (List<Integration> page : pages) {
            page.forEach(integration -> ids.add(integration.getId()));
        }
        return ids;
    }
}
