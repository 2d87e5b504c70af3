package io.pbxhooks.server.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.pbxhooks.ingest.v1.PublishResponse.Outcome.ACCEPTED;
import static io.pbxhooks.ingest.v1.PublishResponse.Outcome.DUPLICATE;
import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_ANSWERED;
import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_RECEIVED;
import static io.pbxhooks.server.delivery.CallEvents.IVR_CALL_RECEIVED;
import static io.pbxhooks.server.delivery.CallEvents.OUTBOUND_CALL_PLACED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.retention.RetentionPurge;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retention: finished deliveries (with their attempts) and the events no delivery refers to any more go once older than
 * {@code pbxhooks.retention.max-age}; unfinished deliveries, their events and everything recent stay, and a recent
 * event id is still recognised as a duplicate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionTest {

    private static final Duration MAX_AGE = Duration.ofDays(30);
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** The background job is off here (max-age 0): the tests purge when they choose. */
    private final DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase(properties("0s", "1h"));
    /** The background job every 200 ms, keeping 30 days. */
    private final DeliveryHarness.PerDatabase withJob = new DeliveryHarness.PerDatabase(properties("30d", "200ms"));
    private final Receiver receiver = new Receiver();

    @AfterAll
    void stop() throws Exception {
        servers.close();
        withJob.close();
        receiver.close();
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void oldFinishedDeliveriesAndTheirEventsGoWhileUnfinishedAndRecentOnesStay(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestServer server = harness.api().server();
        TestAccount account = harness.newAccount();
        String prefix = "/retention-" + account.id();
        receiver.stubFor(any(urlPathMatching(prefix + "/later.*")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));
        receiver.stubFor(any(urlPathMatching(prefix + "/gone.*")).willReturn(aResponse().withStatus(404)));
        Integration succeeding = harness.create(account, integration(INBOUND_CALL_ANSWERED, receiver.url(prefix + "/ok")));
        Integration retrying = harness.create(account, integration(OUTBOUND_CALL_PLACED, receiver.url(prefix + "/later")));
        Integration failing = harness.create(account, integration(IVR_CALL_RECEIVED, receiver.url(prefix + "/gone")));

        String oldSucceeded = publish(harness, account, INBOUND_CALL_ANSWERED);
        String oldUnfinished = publish(harness, account, OUTBOUND_CALL_PLACED);
        String oldFailed = publish(harness, account, IVR_CALL_RECEIVED);
        String oldWithoutDelivery = publish(harness, account, INBOUND_CALL_RECEIVED);
        harness.awaitFinal(account, harness.onlyDelivery(account, failing.getId()).getId());
        harness.awaitState(account, harness.onlyDelivery(account, retrying.getId()).getId(), Set.of(Delivery.State.RETRY_SCHEDULED));
        harness.awaitFinal(account, harness.onlyDelivery(account, succeeding.getId()).getId());
        String recentSucceeded = publish(harness, account, INBOUND_CALL_ANSWERED);
        Eventually.await("the recent delivery", () -> harness.deliveries(account, succeeding.getId()),
                deliveries -> deliveries.size() == 2 && deliveries.stream().allMatch(delivery -> delivery.getState() == Delivery.State.SUCCEEDED));

        String longAgo = DATETIME.format(LocalDateTime.ofInstant(Instant.now().minus(MAX_AGE).minus(Duration.ofDays(10)), ZoneOffset.UTC));
        for (String eventId : List.of(oldSucceeded, oldUnfinished, oldFailed, oldWithoutDelivery)) {
            server.execute("UPDATE events SET received_at = ? WHERE account_id = ? AND event_id = ?", longAgo, account.id(), eventId);
            server.execute("UPDATE deliveries SET create_time = ?, update_time = ? WHERE account_id = ? AND event_id = ?", longAgo, longAgo,
                    account.id(), eventId);
        }

        RetentionPurge.Purged purged = server.context().getBean(RetentionPurge.class).purge(Instant.now().minus(MAX_AGE), 2);
        System.out.println("Retention (" + database + "): purged " + purged.events() + " events, " + purged.deliveries() + " deliveries, "
                + purged.attempts() + " attempts in " + purged.took().toMillis() + " ms");

        assertEquals(List.of(oldUnfinished, recentSucceeded), remainingEvents(server, account));
        assertEquals(1, harness.deliveries(account, succeeding.getId()).size());
        assertEquals(Delivery.State.RETRY_SCHEDULED, harness.onlyDelivery(account, retrying.getId()).getState());
        assertEquals(0, harness.deliveries(account, failing.getId()).size());
        assertEquals(0, server.queryForLong("SELECT COUNT(*) FROM delivery_attempts a WHERE NOT EXISTS "
                + "(SELECT 1 FROM deliveries d WHERE d.id = a.delivery_id)"));
        // The background job of this server purges too (another test shortens its interval), so what this call purged
        // is at most what was old: the rows left above are what count.
        assertTrue(purged.events() <= 3 && purged.deliveries() <= 2, purged::toString);

        assertEquals(DUPLICATE, harness.publishOne(account, event(account, recentSucceeded, INBOUND_CALL_ANSWERED)).getOutcome(),
                "a recent event id is still recognised");
        assertEquals(ACCEPTED, harness.publishOne(account, event(account, oldSucceeded, INBOUND_CALL_ANSWERED)).getOutcome(),
                "an event id is recognised for max-age only");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theBackgroundJobPurgesOnItsOwn(TestDatabase.Kind database) {
        DeliveryHarness harness = withJob.on(database);
        TestServer server = harness.api().server();
        TestAccount account = harness.newAccount();
        Integration succeeding = harness.create(account, integration(INBOUND_CALL_ANSWERED, receiver.url("/retention-job-" + account.id())));
        String old = publish(harness, account, INBOUND_CALL_ANSWERED);
        String recent = publish(harness, account, INBOUND_CALL_ANSWERED);
        Eventually.await("both delivered", () -> harness.deliveries(account, succeeding.getId()),
                deliveries -> deliveries.size() == 2 && deliveries.stream().allMatch(delivery -> delivery.getState() == Delivery.State.SUCCEEDED));
        String longAgo = DATETIME.format(LocalDateTime.ofInstant(Instant.now().minus(Duration.ofDays(31)), ZoneOffset.UTC));
        server.execute("UPDATE events SET received_at = ? WHERE account_id = ? AND event_id = ?", longAgo, account.id(), old);
        server.execute("UPDATE deliveries SET update_time = ? WHERE account_id = ? AND event_id = ?", longAgo, account.id(), old);
        Eventually.await("the old event purged", () -> remainingEvents(server, account), List.of(recent)::equals);
        assertEquals(1, harness.deliveries(account, succeeding.getId()).size());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void manyOldRowsGoInBatchesWhileTwoNodesPurgeAtOnceAndEventsKeepComingIn(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestServer server = harness.api().server();
        TestAccount account = harness.newAccount();
        Integration succeeding = harness.create(account, integration(INBOUND_CALL_ANSWERED, receiver.url("/retention-volume-" + account.id())));
        int old = 5_000;
        OldRows.insert(server, account.id(), succeeding.getId(), old, Instant.now().minus(MAX_AGE).minus(Duration.ofDays(5)));
        RetentionPurge purge = server.context().getBean(RetentionPurge.class);
        Instant cutoff = Instant.now().minus(MAX_AGE);

        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<RetentionPurge.Purged> first = threads.submit(() -> purge.purge(cutoff, 500));
            Future<RetentionPurge.Purged> second = threads.submit(() -> purge.purge(cutoff, 500));
            Future<List<Long>> latencies = threads.submit(() -> {
                List<Long> millis = new ArrayList<>();
                for (int index = 0; index < 200; index++) {
                    long started = System.nanoTime();
                    assertEquals(ACCEPTED, harness.publishOne(account, event(account, "during-purge-" + index, INBOUND_CALL_ANSWERED)).getOutcome());
                    millis.add((System.nanoTime() - started) / 1_000_000);
                }
                return millis;
            });
            RetentionPurge.Purged a = first.get(2, TimeUnit.MINUTES);
            RetentionPurge.Purged b = second.get(2, TimeUnit.MINUTES);
            List<Long> sorted = latencies.get(2, TimeUnit.MINUTES).stream().sorted().toList();
            System.out.printf("Retention (%s): %d old events, deliveries and attempts purged by two purgers at once in batches of 500: "
                            + "%d/%d/%d in %d ms and %d/%d/%d in %d ms; meanwhile 200 events acknowledged, median %d ms, slowest %d ms%n", database, old,
                    a.events(), a.deliveries(), a.attempts(), a.took().toMillis(), b.events(), b.deliveries(), b.attempts(), b.took().toMillis(),
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
            assertTrue(sorted.get(sorted.size() - 1) < 30_000, "ingest waited for the purge: slowest acknowledgement " + sorted.get(sorted.size() - 1) + " ms");
            // The server's own background job may take some rows too: what must hold is that no old row is left.
            assertTrue(a.events() + b.events() <= old && a.events() + b.events() >= old - 500, () -> a + " " + b);
            assertEquals(0, server.queryForLong("SELECT COUNT(*) FROM events WHERE account_id = '" + account.id() + "' AND received_at < '"
                    + DATETIME.format(LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC)) + "'"));
            assertEquals(0, server.queryForLong("SELECT COUNT(*) FROM deliveries WHERE account_id = '" + account.id() + "' AND update_time < '"
                    + DATETIME.format(LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC)) + "'"));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(0, server.queryForLong("SELECT COUNT(*) FROM events WHERE account_id = '" + account.id() + "' AND event_id LIKE 'old-%'"));
        assertEquals(200, server.queryForLong("SELECT COUNT(*) FROM events WHERE account_id = '" + account.id() + "' AND event_id LIKE 'during-purge-%'"));
    }

    /** InnoDB locks, for a moment, the row where a claim's range scan stops: a finished delivery, often an old one. */
    @ParameterizedTest
    @MethodSource("databases")
    void anOldRowLockedForAMomentByAnotherTransactionIsPurgedAllTheSame(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestServer server = harness.api().server();
        TestAccount account = harness.newAccount();
        Integration succeeding = harness.create(account, integration(INBOUND_CALL_ANSWERED, receiver.url("/retention-locked-" + account.id())));
        OldRows.insert(server, account.id(), succeeding.getId(), 3, Instant.now().minus(MAX_AGE).minus(Duration.ofDays(5)));
        String lockedId = server.queryForString("SELECT MIN(id) FROM deliveries WHERE account_id = '" + account.id() + "'");
        RetentionPurge purge = server.context().getBean(RetentionPurge.class);

        ExecutorService threads = Executors.newSingleThreadExecutor();
        try (Connection other = DelegatingDataSource.unwrapDataSource(server.context().getBean(DataSource.class)).getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT id FROM deliveries WHERE id = ? FOR UPDATE")) {
                lock.setString(1, lockedId);
                lock.executeQuery().close();
            }
            Future<RetentionPurge.Purged> purged = threads.submit(() -> purge.purge(Instant.now().minus(MAX_AGE), 500));
            Thread.sleep(100);
            other.rollback();
            RetentionPurge.Purged result = purged.get(1, TimeUnit.MINUTES);
            System.out.println("Retention (" + database + "): one of 3 old deliveries locked by another transaction for 100 ms: " + result);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of(), remainingEvents(server, account));
        assertEquals(0, server.queryForLong("SELECT COUNT(*) FROM deliveries WHERE account_id = '" + account.id() + "'"));
    }

    private static List<String> remainingEvents(TestServer server, TestAccount account) {
        return server.queryForStrings("SELECT event_id FROM events WHERE account_id = '" + account.id() + "' ORDER BY id");
    }

    private static String publish(DeliveryHarness harness, TestAccount account, String eventType) {
        PublishRequest request = CallEvents.publish(account.id(), CallEvents.firing(eventType, CallEvents.newCallUuid()));
        assertEquals(ACCEPTED, harness.publishOne(account, request).getOutcome());
        return request.getEventId();
    }

    private static PublishRequest event(TestAccount account, String eventId, String eventType) {
        return CallEvents.publish(account.id(), eventId, CallEvents.firing(eventType, CallEvents.newCallUuid()));
    }

    private static Integration.Builder integration(String eventType, String url) {
        Integration.Builder integration = WebhookIntegrations.answeredCalls(eventType).setTriggerEvent(eventType).clearFieldMappings()
                .addFieldMappings(WebhookIntegrations.mapping("call", "call_uuid"));
        integration.getWebhookBuilder().setRequestUrl(url);
        return integration;
    }

    private static Map<String, Object> properties(String maxAge, String interval) {
        Map<String, Object> properties = new HashMap<>(DeliveryHarness.FAST_DELIVERY);
        properties.put("pbxhooks.retention.max-age", maxAge);
        properties.put("pbxhooks.retention.interval", interval);
        return properties;
    }
}
