package io.pbxhooks.server.delivery;

import static io.pbxhooks.server.testing.AdminTestServer.OPERATOR_KEY;

import io.grpc.stub.StreamObserver;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.GetDeliveryRequest;
import io.pbxhooks.admin.v1.GetDeliveryResponse;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.ListDeliveriesRequest;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real server with fast retries (300 ms, then 600 ms: three attempts in all), reached over its gRPC socket as an
 * operator, an account's administrator and its PBX (a producer key). Each test works in an account of its own, so
 * the tests of a class can share one server per database.
 */
final class DeliveryHarness implements AutoCloseable {

    static final Map<String, Object> FAST_DELIVERY = Map.of(
            "pbxhooks.delivery.retry-delays", "300ms,600ms",
            "pbxhooks.delivery.poll-interval", "100ms");
    static final int MAX_ATTEMPTS = 3;

    /** An account with the service-integrations application on, an admin key and a producer key. */
    record TestAccount(String id, String adminKey, String producerKey) {
    }

    /** One harness per database, started when a test first needs it. */
    static final class PerDatabase implements AutoCloseable {
        private final Map<TestDatabase.Kind, DeliveryHarness> started = new EnumMap<>(TestDatabase.Kind.class);
        private final Map<String, Object> properties;

        PerDatabase() {
            this(FAST_DELIVERY);
        }

        PerDatabase(Map<String, Object> properties) {
            this.properties = Map.copyOf(properties);
        }

        synchronized DeliveryHarness on(TestDatabase.Kind database) {
            return started.computeIfAbsent(database, kind -> new DeliveryHarness(AdminTestServer.start(kind, properties)));
        }

        @Override
        public synchronized void close() throws InterruptedException {
            for (DeliveryHarness harness : started.values()) {
                harness.close();
            }
            started.clear();
        }
    }

    private final AdminTestServer api;

    private DeliveryHarness(AdminTestServer api) {
        this.api = api;
    }

    AdminTestServer api() {
        return api;
    }

    TestAccount newAccount() {
        String id = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        String adminKey = api.createAccountWithAdmin(id);
        String producerKey = api.createKey(id, ApiKey.Role.PRODUCER).getSecret();
        setApplication(id, true);
        return new TestAccount(id, adminKey, producerKey);
    }

    void setApplication(String accountId, boolean on) {
        api.accounts(OPERATOR_KEY).setApplicationEnabled(SetApplicationEnabledRequest.newBuilder()
                .setAccountId(accountId).setApplication("service-integrations").setEnabled(on).build());
    }

    Integration create(TestAccount account, Integration.Builder integration) {
        return api.integrations(account.adminKey()).createIntegration(CreateIntegrationRequest.newBuilder()
                .setIntegration(integration).build()).getIntegration();
    }

    PublishResponse publishOne(TestAccount account, PublishRequest request) {
        return api.ingest(account.producerKey()).publishOne(request);
    }

    /** Publishes {@code requests} on one {@code Publish} stream, then closes it; returns the responses in order. */
    List<PublishResponse> publishStream(String producerKey, List<PublishRequest> requests) throws Exception {
        return publishStream(producerKey, requests, accepted -> { });
    }

    /** As {@link #publishStream(String, List)}, calling {@code onAccepted} for each ACCEPTED response as it arrives. */
    List<PublishResponse> publishStream(String producerKey, List<PublishRequest> requests,
                                        java.util.function.Consumer<PublishResponse> onAccepted) throws Exception {
        List<PublishResponse> responses = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<PublishRequest> stream = api.ingestStream(producerKey).publish(new StreamObserver<>() {
            @Override
            public void onNext(PublishResponse response) {
                if (response.getOutcome() == PublishResponse.Outcome.ACCEPTED) {
                    onAccepted.accept(response);
                }
                responses.add(response);
            }

            @Override
            public void onError(Throwable failure) {
                done.completeExceptionally(failure);
            }

            @Override
            public void onCompleted() {
                done.complete(null);
            }
        });
        requests.forEach(stream::onNext);
        stream.onCompleted();
        done.get(Eventually.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        return List.copyOf(responses);
    }

    /** The deliveries of one integration, newest first. */
    List<Delivery> deliveries(TestAccount account, String integrationId) {
        return api.deliveries(account.adminKey()).listDeliveries(ListDeliveriesRequest.newBuilder()
                .setIntegrationId(integrationId).setPageSize(1000).build()).getDeliveriesList();
    }

    /** The one delivery an integration has. */
    Delivery onlyDelivery(TestAccount account, String integrationId) {
        List<Delivery> deliveries = deliveries(account, integrationId);
        if (deliveries.size() != 1) {
            throw new AssertionError("expected one delivery of " + integrationId + ", found " + deliveries);
        }
        return deliveries.get(0);
    }

    GetDeliveryResponse delivery(TestAccount account, String deliveryId) {
        return api.deliveries(account.adminKey()).getDelivery(GetDeliveryRequest.newBuilder().setId(deliveryId).build());
    }

    /** Waits until the delivery is SUCCEEDED or FAILED; returns it with its attempts. */
    GetDeliveryResponse awaitFinal(TestAccount account, String deliveryId) {
        return awaitState(account, deliveryId, Set.of(Delivery.State.SUCCEEDED, Delivery.State.FAILED));
    }

    GetDeliveryResponse awaitState(TestAccount account, String deliveryId, Set<Delivery.State> states) {
        return Eventually.await("delivery " + deliveryId + " in " + states, () -> delivery(account, deliveryId),
                response -> states.contains(response.getDelivery().getState()));
    }

    @Override
    public void close() throws InterruptedException {
        api.close();
    }
}
