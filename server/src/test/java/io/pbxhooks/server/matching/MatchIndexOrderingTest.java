package io.pbxhooks.server.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Any;
import com.google.protobuf.util.Timestamps;
import io.micronaut.core.order.Ordered;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.EnableIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Once a change to an integration has committed, every event matched afterwards sees it: in the moment between the
 * commit and the refresh of the index that follows it, and when a poll that read the account before the change ends
 * after that refresh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchIndexOrderingTest {

    private final Map<TestDatabase.Kind, AdminTestServer> servers = new java.util.EnumMap<>(TestDatabase.Kind.class);

    @AfterAll
    void stop() throws InterruptedException {
        for (AdminTestServer server : servers.values()) {
            server.close();
        }
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    @SuppressWarnings("unchecked")
    void anEventPublishedBetweenTheCommitOfADisableAndTheRefreshIsNotMatched(TestDatabase.Kind database) {
        AdminTestServer server = server(database);
        Account account = newAccountWithIntegration(server);
        assertEquals(1, publish(server, account), "the integration fires while it is on");

        TransactionOperations<Connection> transactions = server.server().context().getBean(TransactionOperations.class);
        IndexChangeFeed feed = server.server().context().getBean(IndexChangeFeed.class);
        AtomicInteger queuedAfterCommit = new AtomicInteger(-1);
        transactions.executeWrite(status -> {
            // Registered first and first in order: it runs after the commit, before the synchronization that refreshes the index.
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return Ordered.HIGHEST_PRECEDENCE;
                }

                @Override
                public void afterCompletion(Status completion) {
                    queuedAfterCommit.set(publish(server, account));
                }
            });
            server.server().execute("UPDATE integrations SET enabled = FALSE WHERE id = '" + account.integrationId() + "'");
            feed.record(account.id(), Instant.now());
            return null;
        });
        assertEquals(0, queuedAfterCommit.get(), "published after the disable committed, before the index refresh that follows it");
        assertEquals(0, publish(server, account));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPollThatReadTheAccountBeforeAChangeDoesNotUndoIt(TestDatabase.Kind database) {
        AdminTestServer server = server(database);
        Account account = newAccountWithIntegration(server);
        MatchIndex index = server.server().context().getBean(MatchIndex.class);

        MatchIndex.Snapshot readBeforeTheChange = index.readNow(account.id());
        server.integrations(account.adminKey()).disableIntegration(DisableIntegrationRequest.newBuilder().setId(account.integrationId()).build());
        assertEquals(0, publish(server, account), "the disable is matched as soon as the call returns");
        index.keep(account.id(), readBeforeTheChange);
        assertEquals(0, publish(server, account), "an older read ending late is not kept over the refresh");

        server.integrations(account.adminKey()).enableIntegration(EnableIntegrationRequest.newBuilder().setId(account.integrationId()).build());
        assertEquals(1, publish(server, account), "the enable is matched as soon as the call returns");
    }

    private record Account(String id, String adminKey, String producerKey, String integrationId) {
    }

    private AdminTestServer server(TestDatabase.Kind database) {
        return servers.computeIfAbsent(database, kind -> AdminTestServer.start(kind, Map.of()));
    }

    private static Account newAccountWithIntegration(AdminTestServer server) {
        String accountId = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        String adminKey = server.createAccountWithAdmin(accountId);
        String producerKey = server.createKey(accountId, ApiKey.Role.PRODUCER).getSecret();
        server.accounts(AdminTestServer.OPERATOR_KEY).setApplicationEnabled(SetApplicationEnabledRequest.newBuilder()
                .setAccountId(accountId).setApplication(MatchIndex.APPLICATION).setEnabled(true).build());
        Integration integration = server.integrations(adminKey).createIntegration(CreateIntegrationRequest.newBuilder()
                .setIntegration(WebhookIntegrations.answeredCalls("ordering")).build()).getIntegration();
        return new Account(accountId, adminKey, producerKey, integration.getId());
    }

    private static int publish(AdminTestServer server, Account account) {
        CallEvent call = CallEvent.newBuilder().setKind(CallEvent.Kind.CALL_ANSWERED).setDirection(CallEvent.Direction.INBOUND)
                .setAnswerMethod(CallEvent.AnswerMethod.DIRECT).setCallUuid(UUID.randomUUID().toString()).setSourceNumber("+61255501234")
                .setExtension(CallEvent.Extension.newBuilder().setNumber("0042")).build();
        PublishResponse response = server.ingest(account.producerKey()).publishOne(PublishRequest.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setAccountId(account.id()).setServiceType("hosted-pbx")
                .setOccurredAt(Timestamps.fromMillis(System.currentTimeMillis())).setPayload(Any.pack(call)).build());
        assertEquals(PublishResponse.Outcome.ACCEPTED, response.getOutcome(), response::toString);
        return response.getDeliveries();
    }
}
