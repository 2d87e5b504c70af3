package io.pbxhooks.server.reliability;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.reliability.Tenants.Tenant;
import io.pbxhooks.server.testing.AdminTestServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How long an integration change made through one node takes to reach another node's matching: the change is made,
 * then answered calls of the probe account are published to the other node until it queues the expected number of
 * deliveries. The probe integrations post under {@code /probe/}, apart from the traffic the ledger checks.
 */
final class MatchPropagation {

    /** The time until the other node matched a new integration, and until it stopped matching it once disabled. */
    record Figures(Duration created, Duration disabled) {
    }

    private static int probes;

    private MatchPropagation() {
    }

    static Figures measure(Tenants changedThrough, Tenant probe, ServerProcess observed, CountingReceiver receiver) throws InterruptedException {
        String path = "/probe/" + probe.accountId() + "-" + (++probes);
        Integration integration = changedThrough.createIntegration(probe.adminKey(), Tenants.integration(path, CallTraffic.ANSWERED, receiver));
        Duration created = untilDeliveries(observed, probe, 1);
        changedThrough.integrations(probe.adminKey()).disableIntegration(DisableIntegrationRequest.newBuilder().setId(integration.getId()).build());
        Duration disabled = untilDeliveries(observed, probe, 0);
        return new Figures(created, disabled);
    }

    private static Duration untilDeliveries(ServerProcess node, Tenant probe, int expected) throws InterruptedException {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", node.grpcPort()).usePlaintext().build();
        try {
            EventIngestServiceGrpc.EventIngestServiceBlockingStub ingest = AdminTestServer.withKey(EventIngestServiceGrpc.newBlockingStub(channel),
                    probe.producerKey());
            long start = System.nanoTime();
            for (int attempt = 0; System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30); attempt++) {
                PublishResponse response = ingest.withDeadlineAfter(10, TimeUnit.SECONDS)
                        .publishOne(CallTraffic.answeredCall("probe-" + System.nanoTime() + "-" + attempt, probe.accountId()).request());
                if (response.getOutcome() == PublishResponse.Outcome.ACCEPTED && response.getDeliveries() == expected) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                Thread.sleep(20);
            }
            throw new AssertionError(node.nodeId() + " did not see the change within 30 s");
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
