package io.pbxhooks.server.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pbxhooks.admin.v1.EnableIntegrationRequest;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server switches off an integration whose receiver is gone (410 at once, or failing for auto-disable-after,
 * here one second), says why in GetIntegration, queues nothing for it while it is off, and an administrator
 * switches it back on; an integration that fails between successes is not "failing continuously" and stays on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutoDisableTest {

    private final DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase(Map.of(
            "pbxhooks.delivery.retry-delays", "300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms",
            "pbxhooks.delivery.poll-interval", "100ms",
            "pbxhooks.delivery.auto-disable-after", "1s"));
    private final Receiver receiver = new Receiver();

    @AfterAll
    void stop() throws Exception {
        servers.close();
        receiver.close();
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a410GoneDisablesTheIntegrationAtOnceUntilAnAdministratorEnablesIt(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String path = "/" + account.id() + "/gone";
        StubMapping gone = receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(410)));
        Integration integration = harness.create(account, integration(path));

        assertEquals(1, publish(harness, account));
        Integration disabled = awaitDisabled(harness, account, integration.getId());
        long disabledAt = System.currentTimeMillis();
        assertTrue(disabled.getStatus().getReason().contains("410 Gone"), disabled::toString);
        assertEquals(1, receiver.requests(path).size(), "a 410 is final: no retry");
        // Right after GetIntegration shows it off: the index must not match it any more, on this node at once.
        assertEquals(0, publish(harness, account), "nothing is queued while it is off");
        System.out.printf("AutoDisableTest [%s]: 410 Gone answered, disabled seen in GetIntegration %d ms later, after %d attempt(s)%n", database,
                disabledAt - receiver.requests(path).get(0).getLoggedDate().getTime(), receiver.requests(path).size());
        assertTrue(harness.api().audit(account.adminKey()).listAuditEntries(ListAuditEntriesRequest.getDefaultInstance())
                .getAuditEntriesList().stream().anyMatch(entry -> entry.getAction().equals("integration.auto_disable")));

        receiver.removeStub(gone);
        Integration enabled = harness.api().integrations(account.adminKey())
                .enableIntegration(EnableIntegrationRequest.newBuilder().setId(integration.getId()).build()).getIntegration();
        assertEquals(Integration.Status.State.ACTIVE, enabled.getStatus().getState());
        assertEquals("", enabled.getStatus().getReason());
        assertEquals(1, Eventually.await("the index sees the integration enabled again", () -> publish(harness, account), queued -> queued == 1));
        receiver.awaitRequests(path, 2);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void failingContinuouslyForTheConfiguredPeriodDisablesIt(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String path = "/" + account.id() + "/down";
        receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));
        Integration integration = harness.create(account, integration(path));

        assertEquals(1, publish(harness, account));
        Integration disabled = awaitDisabled(harness, account, integration.getId());
        long disabledAt = System.currentTimeMillis();
        assertTrue(disabled.getStatus().getReason().startsWith("every delivery has failed since"), disabled::toString);
        assertTrue(disabled.getStatus().getReason().contains("(1 s or more)"), disabled::toString);
        assertTrue(disabled.getStatus().getReason().contains("HTTP 503"), disabled::toString);
        List<LoggedRequest> attempts = receiver.requests(path);
        assertTrue(attempts.size() >= 3, "it kept failing for about a second before being disabled");
        assertFalse(disabled.getEnabled());
        assertEquals(0, publish(harness, account), "nothing is queued while it is off");
        long periodEnded = attempts.get(0).getLoggedDate().getTime() + 1_000;
        System.out.printf("AutoDisableTest [%s]: failing for the 1 s period, disabled seen in GetIntegration %d ms after the period ended, "
                + "after %d attempts; reason: %s%n", database, disabledAt - periodEnded, attempts.size(), disabled.getStatus().getReason());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void failuresBetweenSuccessesForLongerThanThePeriodDoNotDisableIt(TestDatabase.Kind database) throws InterruptedException {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String path = "/" + account.id() + "/flaky";
        String scenario = "flaky " + account.id();
        receiver.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        receiver.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)).willSetStateTo(Scenario.STARTED));
        Integration integration = harness.create(account, integration(path));

        long until = System.currentTimeMillis() + 3_000;
        while (System.currentTimeMillis() < until) {
            assertEquals(1, publish(harness, account), "still on, so still queued");
            Thread.sleep(100);
        }
        receiver.awaitRequests(path, 20);
        Thread.sleep(1_000);
        Integration afterwards = harness.api().integrations(account.adminKey())
                .getIntegration(GetIntegrationRequest.newBuilder().setId(integration.getId()).build()).getIntegration();
        List<LoggedRequest> attempts = receiver.requests(path);
        long failures = receiver.answeredWith(path, 503);
        System.out.printf("AutoDisableTest [%s]: every other attempt failing for %d ms (period 1 s): %d attempts, %d failed; state %s%n", database,
                attempts.get(attempts.size() - 1).getLoggedDate().getTime() - attempts.get(0).getLoggedDate().getTime(), attempts.size(), failures,
                afterwards.getStatus().getState());
        assertTrue(failures >= 10 && failures < attempts.size(), "failures between successes: " + failures + " of " + attempts.size());
        assertEquals(Integration.Status.State.ACTIVE, afterwards.getStatus().getState(), afterwards::toString);
    }

    private Integration.Builder integration(String path) {
        return Integration.newBuilder().setName("gone").setType("webhook").setTriggerServiceType(CallEvents.HOSTED_PBX)
                .setTriggerEvent(INBOUND_CALL_RECEIVED)
                .setWebhook(Webhook.newBuilder().setRequestUrl(receiver.url(path)).setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON))
                .addFieldMappings(WebhookIntegrations.mapping("call", "call_uuid"));
    }

    private static int publish(DeliveryHarness harness, TestAccount account) {
        return harness.publishOne(account, CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_RECEIVED, CallEvents.newCallUuid())))
                .getDeliveries();
    }

    private static Integration awaitDisabled(DeliveryHarness harness, TestAccount account, String integrationId) {
        return Eventually.await("integration " + integrationId + " disabled by the server",
                () -> harness.api().integrations(account.adminKey()).getIntegration(GetIntegrationRequest.newBuilder().setId(integrationId).build())
                        .getIntegration(),
                integration -> integration.getStatus().getState() == Integration.Status.State.DISABLED_BY_SERVER);
    }
}
