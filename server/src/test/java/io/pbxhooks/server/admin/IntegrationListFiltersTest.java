package io.pbxhooks.server.admin;

import static io.pbxhooks.server.testing.WebhookIntegrations.mapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.ListIntegrationsResponse;
import io.pbxhooks.server.plugin.TestPluginJars;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ListIntegrations filtered by trigger service type, by trigger event and by enabled, page after page: each filter keeps
 * exactly the matching integrations of the account, in creation order, however the pages cut them. A second service type
 * comes from the test plugin jar, so the service type filter has something to leave out.
 */
class IntegrationListFiltersTest {

    private static final int PAGE_SIZE = 2;

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachFilterKeepsItsIntegrationsInCreationOrderAcrossPages(TestDatabase.Kind database) throws Exception {
        Path plugins = Files.createTempDirectory("pbxhooks-plugins");
        TestPluginJars.echo().buildInto(plugins, "echo-plugin.jar");
        try (AdminTestServer api = AdminTestServer.start(database, Map.of("pbxhooks.plugins-dir", plugins.toString()))) {
            IntegrationServiceBlockingStub acme = api.integrations(api.createAccountWithAdmin("acme"));
            IntegrationServiceBlockingStub globex = api.integrations(api.createAccountWithAdmin("globex"));
            List<Integration> created = new ArrayList<>();
            for (int number = 0; number < 12; number++) {
                created.add(acme.createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration(number)).build()).getIntegration());
                globex.createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration(number)).build());
                // Creation order is kept to the millisecond.
                Thread.sleep(2);
            }
            for (int number = 0; number < created.size(); number += 4) {
                created.set(number, acme.disableIntegration(DisableIntegrationRequest.newBuilder().setId(created.get(number).getId()).build())
                        .getIntegration());
            }

            assertFilter(acme, created, ListIntegrationsRequest.newBuilder().setTriggerServiceType("hosted-pbx"),
                    integration -> integration.getTriggerServiceType().equals("hosted-pbx"), 8);
            assertFilter(acme, created, ListIntegrationsRequest.newBuilder().setTriggerServiceType("echo"),
                    integration -> integration.getTriggerServiceType().equals("echo"), 4);
            assertFilter(acme, created, ListIntegrationsRequest.newBuilder().setTriggerEvent("inbound_call_answered"),
                    integration -> integration.getTriggerEvent().equals("inbound_call_answered"), 4);
            assertFilter(acme, created, ListIntegrationsRequest.newBuilder().setTriggerEvent("outbound_call_placed"),
                    integration -> integration.getTriggerEvent().equals("outbound_call_placed"), 4);
            assertFilter(acme, created, ListIntegrationsRequest.newBuilder().setTriggerServiceType("hosted-pbx")
                            .setTriggerEvent("outbound_call_placed").setEnabled(true),
                    integration -> integration.getTriggerEvent().equals("outbound_call_placed") && integration.getEnabled(), 3);
            assertFilter(acme, created, ListIntegrationsRequest.newBuilder().setTriggerServiceType("echo").setTriggerEvent("inbound_call_answered"),
                    integration -> false, 0);
            assertFilter(acme, created, ListIntegrationsRequest.newBuilder().setTriggerServiceType("crm"), integration -> false, 0);
            assertFilter(acme, created, ListIntegrationsRequest.newBuilder().setEnabled(false), integration -> !integration.getEnabled(), 3);
        }
    }

    /** Integration {@code number}: answered calls, placed calls and echo texts in turn. */
    private static Integration.Builder integration(int number) {
        Integration.Builder integration = WebhookIntegrations.answeredCalls("Integration " + number);
        return switch (number % 3) {
            case 0 -> integration;
            case 1 -> integration.setTriggerEvent("outbound_call_placed");
            default -> integration.setTriggerServiceType("echo").setTriggerEvent("text_received").clearFieldMappings()
                    .addFieldMappings(mapping("text", "text"));
        };
    }

    private static void assertFilter(IntegrationServiceBlockingStub admin, List<Integration> created, ListIntegrationsRequest.Builder filter,
                                     Predicate<Integration> matches, int expectedCount) {
        List<Integration> expected = created.stream().filter(matches).toList();
        assertEquals(expectedCount, expected.size(), "the test's own count of " + filter);
        List<Integration> listed = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListIntegrationsResponse page = admin.listIntegrations(filter.setPageSize(PAGE_SIZE).setPageToken(token).build());
            assertTrue(page.getIntegrationsCount() <= PAGE_SIZE, page::toString);
            listed.addAll(page.getIntegrationsList());
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty() && pages < 20);
        assertEquals(expected, listed, filter::toString);
        assertTrue(pages >= Math.max(1, (expectedCount + PAGE_SIZE - 1) / PAGE_SIZE), "pages: " + pages);
    }
}
