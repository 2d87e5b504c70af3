package io.pbxhooks.server.admin;

import static io.pbxhooks.server.admin.GrpcAssertions.assertInvalid;
import static io.pbxhooks.server.admin.GrpcAssertions.assertStatus;
import static io.pbxhooks.server.testing.WebhookIntegrations.header;
import static io.pbxhooks.server.testing.WebhookIntegrations.mapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.DeleteIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator's limits on the admin API ({@code pbxhooks.limits.*}), set low here: integrations per account
 * (RESOURCE_EXHAUSTED, exact under concurrent creates), headers and field mappings per integration (INVALID_ARGUMENT
 * naming the field and the limit), and the size of a request (RESOURCE_EXHAUSTED, the server unharmed).
 */
class AdminLimitsTest {

    private static final int INTEGRATIONS = 3;
    private static final int HEADERS = 5;
    private static final int MAPPINGS = 4;
    private static final int REQUEST_BYTES = 64 * 1024;

    private static final Map<TestDatabase.Kind, AdminTestServer> SERVERS = new EnumMap<>(TestDatabase.Kind.class);

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    private static synchronized AdminTestServer api(TestDatabase.Kind database) {
        return SERVERS.computeIfAbsent(database, kind -> AdminTestServer.start(kind, Map.of(
                "pbxhooks.limits.integrations-per-account", INTEGRATIONS,
                "pbxhooks.limits.headers-per-integration", HEADERS,
                "pbxhooks.limits.field-mappings-per-integration", MAPPINGS,
                "pbxhooks.limits.request-bytes", REQUEST_BYTES)));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (AdminTestServer api : SERVERS.values()) {
            api.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAccountHasAtMostItsQuotaOfIntegrations(TestDatabase.Kind database) {
        String adminKey = newAccount(database);
        List<String> ids = new ArrayList<>();
        for (int index = 0; index < INTEGRATIONS; index++) {
            ids.add(create(database, adminKey, WebhookIntegrations.answeredCalls("CRM " + index)).getId());
        }
        StatusRuntimeException exhausted = assertStatus(Status.Code.RESOURCE_EXHAUSTED,
                () -> create(database, adminKey, WebhookIntegrations.answeredCalls("one too many")));
        assertTrue(exhausted.getStatus().getDescription().contains("already has 3 integrations"), exhausted::toString);
        assertTrue(exhausted.getStatus().getDescription().contains("pbxhooks.limits.integrations-per-account"), exhausted::toString);
        assertEquals("INTEGRATIONS_PER_ACCOUNT_EXCEEDED", GrpcAssertions.errorInfo(exhausted).getReason());
        assertTrue(GrpcAssertions.quotaFailure(exhausted).getViolations(0).getSubject().startsWith("account:"));
        assertEquals(INTEGRATIONS, count(database, adminKey));

        api(database).integrations(adminKey).deleteIntegration(DeleteIntegrationRequest.newBuilder().setId(ids.get(0)).build());
        create(database, adminKey, WebhookIntegrations.answeredCalls("in the freed place"));
        assertEquals(INTEGRATIONS, count(database, adminKey));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentCreatesCannotPassTheQuotaTogether(TestDatabase.Kind database) throws Exception {
        for (int round = 0; round < 3; round++) {
            concurrentCreatesInANewAccount(database);
        }
    }

    private static void concurrentCreatesInANewAccount(TestDatabase.Kind database) throws Exception {
        String adminKey = newAccount(database);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Status.Code>> creates = new ArrayList<>();
            for (int index = 0; index < 8; index++) {
                String name = "racer " + index;
                creates.add(() -> {
                    try {
                        create(database, adminKey, WebhookIntegrations.answeredCalls(name));
                        return Status.Code.OK;
                    } catch (StatusRuntimeException refused) {
                        return refused.getStatus().getCode();
                    }
                });
            }
            List<Status.Code> outcomes = new ArrayList<>();
            for (Future<Status.Code> outcome : threads.invokeAll(creates)) {
                outcomes.add(outcome.get());
            }
            assertEquals(INTEGRATIONS, outcomes.stream().filter(Status.Code.OK::equals).count(), outcomes::toString);
            assertEquals(8 - INTEGRATIONS, outcomes.stream().filter(Status.Code.RESOURCE_EXHAUSTED::equals).count(), outcomes::toString);
            assertEquals(INTEGRATIONS, count(database, adminKey));
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anIntegrationHasAtMostItsLimitOfHeaders(TestDatabase.Kind database) {
        String adminKey = newAccount(database);
        Integration.Builder integration = WebhookIntegrations.answeredCalls("many headers");
        integration.getWebhookBuilder().clearHeaders();
        for (int index = 0; index < HEADERS; index++) {
            integration.getWebhookBuilder().addHeaders(header("X-Header-" + index, "value"));
        }
        create(database, adminKey, integration);
        integration.getWebhookBuilder().addHeaders(header("X-One-Too-Many", "value"));
        Map<String, String> violations = assertInvalid(() -> create(database, adminKey, integration));
        assertEquals(Map.of("integration.webhook.headers", "at most 5 headers per integration (it has 6)"), violations);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anIntegrationHasAtMostItsLimitOfFieldMappings(TestDatabase.Kind database) {
        String adminKey = newAccount(database);
        Integration.Builder integration = WebhookIntegrations.answeredCalls("many mappings").clearFieldMappings();
        List<String> fields = List.of("extension_number", "name", "source_number", "date_time", "call_uuid");
        for (int index = 0; index < MAPPINGS; index++) {
            integration.addFieldMappings(mapping("key" + index, fields.get(index)));
        }
        create(database, adminKey, integration);
        integration.addFieldMappings(mapping("key" + MAPPINGS, fields.get(MAPPINGS)));
        Map<String, String> violations = assertInvalid(() -> create(database, adminKey, integration));
        assertEquals(Map.of("integration.field_mappings", "at most 4 field mappings per integration (it has 5)"), violations);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRequestLargerThanTheLimitIsRefusedAndTheServerCarriesOn(TestDatabase.Kind database) {
        String adminKey = newAccount(database);
        Integration.Builder huge = WebhookIntegrations.answeredCalls("huge");
        huge.getWebhookBuilder().setPathArguments("x".repeat(REQUEST_BYTES));
        StatusRuntimeException refused = assertStatus(Status.Code.RESOURCE_EXHAUSTED, () -> create(database, adminKey, huge));
        System.out.println("An admin request over pbxhooks.limits.request-bytes (" + database + "): " + refused.getStatus());
        assertEquals(0, count(database, adminKey));
        create(database, adminKey, WebhookIntegrations.answeredCalls("normal"));
        assertEquals(1, count(database, adminKey));
    }

    private static String newAccount(TestDatabase.Kind database) {
        return api(database).createAccountWithAdmin("limits-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static Integration create(TestDatabase.Kind database, String adminKey, Integration.Builder integration) {
        return api(database).integrations(adminKey).createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration).build())
                .getIntegration();
    }

    private static int count(TestDatabase.Kind database, String adminKey) {
        return api(database).integrations(adminKey).listIntegrations(ListIntegrationsRequest.newBuilder().setPageSize(100).build())
                .getIntegrationsCount();
    }
}
