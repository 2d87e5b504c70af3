package io.pbxhooks.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two nodes on one database, one seeing only successes of an integration and the other only failures: the integration
 * has not failed continuously, so it stays on; once the successes stop, the failures disable it after the period.
 * The nodes' own IntegrationHealth is driven with explicit times (period 1 s), so the test does not wait.
 */
class IntegrationHealthNodesTest {

    private static final Duration STEP = Duration.ofMillis(100);
    private static final DeliveryResult UNAVAILABLE = DeliveryResult.retryable(503, null, "HTTP 503");

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aNodeSeeingOnlyFailuresDoesNotDisableAnIntegrationAnotherNodeDeliversTo(TestDatabase.Kind database) throws Exception {
        Map<String, Object> periodOfOneSecond = Map.of("pbxhooks.delivery.auto-disable-after", "1s");
        try (AdminTestServer nodeA = AdminTestServer.start(database, periodOfOneSecond);
             TestServer nodeB = nodeA.server().startAnotherNode(periodOfOneSecond)) {
            String accountId = "acct-" + UUID.randomUUID().toString().substring(0, 8);
            String adminKey = nodeA.createAccountWithAdmin(accountId);
            String integrationId = nodeA.integrations(adminKey).createIntegration(CreateIntegrationRequest.newBuilder()
                    .setIntegration(WebhookIntegrations.answeredCalls("two nodes")).build()).getIntegration().getId();
            IntegrationHealth succeedingNode = nodeA.server().context().getBean(IntegrationHealth.class);
            IntegrationHealth failingNode = nodeB.context().getBean(IntegrationHealth.class);

            Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Instant alternatingUntil = time.plusSeconds(5);
            int failures = 0;
            int successes = 0;
            Instant lastSuccess = time;
            for (; time.isBefore(alternatingUntil); time = time.plus(STEP)) {
                failingNode.failed(integrationId, UNAVAILABLE, time);
                failures++;
                if (failures % 3 == 0) {
                    succeedingNode.succeeded(integrationId, time);
                    successes++;
                    lastSuccess = time;
                }
            }
            System.out.printf("[%s] two nodes: %d failures on one, %d successes on the other over 5 s (period 1 s): %s%n", database,
                    failures, successes, state(nodeA, adminKey, integrationId).getStatus().getState());
            assertEquals(Integration.Status.State.ACTIVE, state(nodeA, adminKey, integrationId).getStatus().getState(),
                    "a success on one node every 300 ms: it has not failed continuously for 1 s");

            while (state(nodeA, adminKey, integrationId).getStatus().getState() == Integration.Status.State.ACTIVE
                    && time.isBefore(lastSuccess.plusSeconds(5))) {
                failingNode.failed(integrationId, UNAVAILABLE, time);
                time = time.plus(STEP);
            }
            Duration disabledAfter = Duration.between(lastSuccess, time);
            System.out.printf("[%s] after the last success, failures alone disabled it after %d ms%n", database, disabledAfter.toMillis());
            Integration disabled = state(nodeA, adminKey, integrationId);
            assertEquals(Integration.Status.State.DISABLED_BY_SERVER, disabled.getStatus().getState(), disabled::toString);
            // Not before the period; the failing node may take up to a period more to notice that a success cleared failing_since.
            assertTrue(disabledAfter.compareTo(Duration.ofSeconds(1)) >= 0 && disabledAfter.compareTo(Duration.ofMillis(2_500)) <= 0,
                    "disabled after failing for the 1 s period: " + disabledAfter.toMillis() + " ms after the last success");
        }
    }

    private static Integration state(AdminTestServer node, String adminKey, String integrationId) {
        return node.integrations(adminKey).getIntegration(GetIntegrationRequest.newBuilder().setId(integrationId).build()).getIntegration();
    }
}
