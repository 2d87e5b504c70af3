package io.pbxhooks.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.util.Timestamps;
import io.grpc.stub.StreamObserver;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc.EventIngestServiceBlockingStub;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.PrometheusScrape;
import io.pbxhooks.server.testing.TestDatabase;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Prometheus endpoint after real traffic: the counters moved by exactly what happened, with bounded labels. */
class PrometheusMetricsTest {

    private static final String RECEIVED = "pbxhooks_events_received_total";
    private static final String STREAMS_OPEN = "pbxhooks_ingest_streams_open";

    @Test
    void countersMoveByWhatHappened() throws Exception {
        try (AdminTestServer api = AdminTestServer.start(TestDatabase.Kind.H2, Map.of())) {
            String accountId = newAccount(api);
            EventIngestServiceBlockingStub ingest = api.ingest(api.createKey(accountId, ApiKey.Role.PRODUCER).getSecret());
            PrometheusScrape before = PrometheusScrape.of(api.server());

            for (int call = 0; call < 3; call++) {
                ingest.publishOne(event(accountId, "evt-" + call, "hosted-pbx"));
            }
            ingest.publishOne(event(accountId, "evt-0", "hosted-pbx"));
            ingest.publishOne(event(accountId, "evt-x", "no-such-service-" + UUID.randomUUID()));
            PrometheusScrape after = PrometheusScrape.of(api.server());

            assertEquals(3.0, after.increase(before, RECEIVED, Map.of("outcome", "accepted", "service_type", "hosted-pbx")));
            assertEquals(1.0, after.increase(before, RECEIVED, Map.of("outcome", "duplicate", "service_type", "hosted-pbx")));
            assertEquals(1.0, after.increase(before, RECEIVED, Map.of("outcome", "rejected", "service_type", "unknown")));
            assertFalse(after.text().contains("no-such-service"), "an unknown service type never becomes a label value");
            assertFalse(after.text().contains(accountId), "no account ids as labels unless asked for");
            assertTrue(after.text().contains("pbxhooks_deliveries_due "), "the due-deliveries gauge is exported");
            assertTrue(after.text().contains("pbxhooks_deliveries_oldest_due_age_seconds "), "the oldest due age is exported");
            assertTrue(after.text().contains("pbxhooks_deliveries_in_flight "), "the in-flight gauge is exported");
            assertTrue(after.text().contains("hikaricp_connections_active"), "database pool usage is exported");
        }
    }

    @Test
    void openPublishStreamsAreCounted() throws Exception {
        try (AdminTestServer api = AdminTestServer.start(TestDatabase.Kind.H2, Map.of())) {
            String accountId = newAccount(api);
            String producerKey = api.createKey(accountId, ApiKey.Role.PRODUCER).getSecret();
            assertEquals(0.0, PrometheusScrape.of(api.server()).value(STREAMS_OPEN));

            LinkedBlockingQueue<PublishResponse> responses = new LinkedBlockingQueue<>();
            LinkedBlockingQueue<String> ends = new LinkedBlockingQueue<>();
            StreamObserver<PublishRequest> first = api.ingestStream(producerKey).publish(collect(responses, ends));
            StreamObserver<PublishRequest> second = api.ingestStream(producerKey).publish(collect(responses, ends));
            first.onNext(event(accountId, "on-first", "hosted-pbx"));
            second.onNext(event(accountId, "on-second", "hosted-pbx"));
            responses.poll(20, TimeUnit.SECONDS);
            responses.poll(20, TimeUnit.SECONDS);
            assertEquals(2.0, PrometheusScrape.of(api.server()).value(STREAMS_OPEN));

            first.onCompleted();
            assertEquals("completed", ends.poll(20, TimeUnit.SECONDS));
            assertEquals(1.0, PrometheusScrape.of(api.server()).value(STREAMS_OPEN));
            second.onError(new IllegalStateException("the producer went away"));
            awaitValue(api, STREAMS_OPEN, 0.0);
        }
    }

    @Test
    void anAccountLabelWhenAskedForOfAccountsThatExistOnly() throws Exception {
        try (AdminTestServer api = AdminTestServer.start(TestDatabase.Kind.H2, Map.of("pbxhooks.metrics.account-label", "true"))) {
            String accountId = newAccount(api);
            EventIngestServiceBlockingStub ingest = api.ingest(api.createKey(accountId, ApiKey.Role.PRODUCER).getSecret());
            String stranger = "no-such-account-" + UUID.randomUUID();
            ingest.publishOne(event(accountId, "evt-1", "hosted-pbx"));
            ingest.publishOne(event(stranger, "evt-2", "hosted-pbx"));
            PrometheusScrape after = PrometheusScrape.of(api.server());

            assertEquals(1.0, after.value(RECEIVED, Map.of("account", accountId, "outcome", "accepted")));
            assertEquals(1.0, after.value(RECEIVED, Map.of("account", PbxhooksMetrics.UNKNOWN_ACCOUNT, "outcome", "rejected")));
            assertFalse(after.text().contains(stranger), "an account that does not exist never becomes a label value");
        }
    }

    private static String newAccount(AdminTestServer api) {
        String accountId = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        api.createAccountWithAdmin(accountId);
        api.accounts(AdminTestServer.OPERATOR_KEY).setApplicationEnabled(SetApplicationEnabledRequest.newBuilder()
                .setAccountId(accountId).setApplication("service-integrations").setEnabled(true).build());
        return accountId;
    }

    private static StreamObserver<PublishResponse> collect(LinkedBlockingQueue<PublishResponse> responses, LinkedBlockingQueue<String> ends) {
        return new StreamObserver<>() {
            @Override
            public void onNext(PublishResponse response) {
                responses.add(response);
            }

            @Override
            public void onError(Throwable failure) {
                ends.add("failed: " + failure);
            }

            @Override
            public void onCompleted() {
                ends.add("completed");
            }
        };
    }

    /** A cancelled stream is counted out when the server hears of the cancellation, a moment later. */
    private static void awaitValue(AdminTestServer api, String name, double expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        double value;
        do {
            value = PrometheusScrape.of(api.server()).value(name);
            if (value == expected) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertEquals(expected, value, name);
    }

    private static PublishRequest event(String accountId, String eventId, String serviceType) {
        return PublishRequest.newBuilder().setEventId(eventId).setAccountId(accountId).setServiceType(serviceType)
                .setOccurredAt(Timestamps.fromMillis(System.currentTimeMillis()))
                .setPayload(Any.pack(CallEvent.newBuilder().setKind(CallEvent.Kind.CALL_STARTED).setDirection(CallEvent.Direction.INBOUND)
                        .setCallUuid(UUID.randomUUID().toString()).build()))
                .build();
    }
}
