package io.pbxhooks.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.admin.v1.ListAccountsRequest;
import io.pbxhooks.admin.v1.ListAccountsResponse;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.ListIntegrationsResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaginationTest {

    private AdminApiServer api;
    private IntegrationServiceBlockingStub admin;

    @BeforeEach
    void start() {
        api = new AdminApiServer();
        api.createAccount("acme");
        admin = api.integrations(api.createKey("acme", ApiKey.Role.ADMIN));
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
    }

    private Integration create(String name, String event) {
        return admin.createIntegration(CreateIntegrationRequest.newBuilder()
                .setIntegration(SampleIntegrations.webhook(name).setTriggerEvent(event)).build()).getIntegration();
    }

    private List<String> namesOfAllPages(ListIntegrationsRequest.Builder request) {
        List<String> names = new ArrayList<>();
        ListIntegrationsResponse page;
        do {
            page = admin.listIntegrations(request.build());
            page.getIntegrationsList().forEach(integration -> names.add(integration.getName()));
            request.setPageToken(page.getNextPageToken());
        } while (!page.getNextPageToken().isEmpty());
        return names;
    }

    @Test
    void integrationsComePageByPageInCreationOrder() {
        for (int index = 1; index <= 5; index++) {
            create("integration " + index, "inbound_call_answered");
        }
        ListIntegrationsResponse first = admin.listIntegrations(ListIntegrationsRequest.newBuilder().setPageSize(2).build());
        assertEquals(2, first.getIntegrationsCount());
        assertTrue(!first.getNextPageToken().isEmpty());
        assertEquals(List.of("integration 1", "integration 2", "integration 3", "integration 4", "integration 5"),
                namesOfAllPages(ListIntegrationsRequest.newBuilder().setPageSize(2)));
        assertEquals(5, admin.listIntegrations(ListIntegrationsRequest.getDefaultInstance()).getIntegrationsCount(), "default page size 50");
        assertEquals(5, admin.listIntegrations(ListIntegrationsRequest.newBuilder().setPageSize(100_000).build()).getIntegrationsCount(),
                "a page size over the maximum is lowered to it");
    }

    @Test
    void integrationsAreFilteredByTriggerEventAndByEnabled() {
        create("answered 1", "inbound_call_answered");
        Integration outbound = create("outbound", "outbound_call_placed");
        create("answered 2", "inbound_call_answered");
        admin.disableIntegration(DisableIntegrationRequest.newBuilder().setId(outbound.getId()).build());

        assertEquals(List.of("answered 1", "answered 2"),
                namesOfAllPages(ListIntegrationsRequest.newBuilder().setTriggerEvent("inbound_call_answered").setPageSize(1)));
        assertEquals(List.of("outbound"), namesOfAllPages(ListIntegrationsRequest.newBuilder().setEnabled(false)));
        assertEquals(List.of("answered 1", "answered 2"), namesOfAllPages(ListIntegrationsRequest.newBuilder().setEnabled(true)));
        assertEquals(List.of(), namesOfAllPages(ListIntegrationsRequest.newBuilder().setTriggerServiceType("other")));
    }

    @Test
    void aForeignPageTokenIsInvalid() {
        assertEquals(Map.of("page_token", "page_token is not a token this list returned"), Statuses.invalidFields(() ->
                admin.listIntegrations(ListIntegrationsRequest.newBuilder().setPageToken("made-up").build())));
    }

    @Test
    void accountsAndAuditEntriesArePagedToo() {
        api.createAccount("globex");
        api.createAccount("initech");
        var operator = api.accounts(AdminApiServer.OPERATOR_KEY);
        ListAccountsResponse first = operator.listAccounts(ListAccountsRequest.newBuilder().setPageSize(2).build());
        ListAccountsResponse second = operator.listAccounts(ListAccountsRequest.newBuilder().setPageSize(2)
                .setPageToken(first.getNextPageToken()).build());
        assertEquals(List.of("acme", "globex", "initech"), List.of(first.getAccounts(0).getId(), first.getAccounts(1).getId(),
                second.getAccounts(0).getId()));
        assertEquals("", second.getNextPageToken());

        var audit = api.audit(AdminApiServer.OPERATOR_KEY).listAuditEntries(ListAuditEntriesRequest.newBuilder().setPageSize(1).build());
        assertEquals("account.create", audit.getAuditEntries(0).getAction(), "newest first");
        assertEquals("initech", audit.getAuditEntries(0).getResourceId());
        assertTrue(!audit.getNextPageToken().isEmpty());
    }
}
