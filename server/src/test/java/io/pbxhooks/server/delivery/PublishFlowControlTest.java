package io.pbxhooks.server.delivery;

import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * gRPC flow control end to end: a producer that keeps sending but reads none of its acknowledgements makes the server
 * stop reading its events once the acknowledgements fill the buffers between them, instead of queueing acknowledgements
 * without limit; once the producer reads, every event is acknowledged exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishFlowControlTest {

    private static final int SENT = 10_000;
    /** The producer's HTTP/2 receive window, small so that few acknowledgements fill it. */
    private static final int PRODUCER_WINDOW_BYTES = 64 * 1024;
    /** Long event ids make long acknowledgements, so the buffers fill after fewer of them. */
    private static final String ID_PADDING = "x".repeat(100);

    private final DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase();

    @AfterAll
    void stop() throws Exception {
        servers.close();
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aProducerThatReadsNoAcknowledgementsIsNotReadFurther(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", harness.api().server().grpcPort()).usePlaintext()
                .flowControlWindow(PRODUCER_WINDOW_BYTES).build();
        try {
            UnreadStream stream = new UnreadStream(channel, account.producerKey());
            for (int index = 0; index < SENT; index++) {
                stream.call.sendMessage(CallEvents.publish(account.id(), eventId(index),
                        CallEvents.firing(INBOUND_CALL_RECEIVED, CallEvents.newCallUuid())));
            }

            long stalledAt = awaitNoMoreCommitted(harness, account, stream);
            System.out.printf("flow control on %s: %d of %d events committed while the producer read no acknowledgement%n",
                    database, stalledAt, SENT);
            assertTrue(stalledAt > 0 && stalledAt < SENT / 4, () -> stalledAt + " of " + SENT + " events committed");
            assertEquals(0, stream.responses.size(), "the producer has asked for no acknowledgement yet");

            stream.call.request(Integer.MAX_VALUE);
            stream.call.halfClose();
            Status ended = stream.closed.get(2, TimeUnit.MINUTES);
            assertEquals(Status.Code.OK, ended.getCode(), ended::toString);
            Map<String, Integer> acknowledged = new HashMap<>();
            for (PublishResponse response : stream.responses) {
                assertEquals(PublishResponse.Outcome.ACCEPTED, response.getOutcome(), response::toString);
                acknowledged.merge(response.getEventId(), 1, Integer::sum);
            }
            assertEquals(SENT, acknowledged.size(), "every event acknowledged");
            for (int index = 0; index < SENT; index++) {
                assertEquals(1, acknowledged.get(eventId(index)), "acknowledgements of " + eventId(index));
            }
            assertEquals(SENT, committed(harness, account));
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Waits until the count of the account's stored events has not moved for two seconds while the call is open; returns it. */
    private static long awaitNoMoreCommitted(DeliveryHarness harness, TestAccount account, UnreadStream stream) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long last = -1;
        long unchangedSince = System.nanoTime();
        while (System.nanoTime() < deadline && !stream.closed.isDone()) {
            long now = committed(harness, account);
            if (now != last) {
                last = now;
                unchangedSince = System.nanoTime();
            } else if (now > 0 && System.nanoTime() - unchangedSince > TimeUnit.SECONDS.toNanos(2)) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the stored events did not stop growing; last count " + last + "; the call ended: " + stream.closed.getNow(null));
    }

    private static long committed(DeliveryHarness harness, TestAccount account) {
        return harness.api().server().queryForLong("SELECT COUNT(*) FROM events WHERE account_id = '" + account.id() + "'");
    }

    private static String eventId(int index) {
        return "flow-" + index + "-" + ID_PADDING;
    }

    /** A {@code Publish} call with manual flow control that asks for no response until the test says so. */
    private static final class UnreadStream {
        private final ClientCall<PublishRequest, PublishResponse> call;
        private final ConcurrentLinkedQueue<PublishResponse> responses = new ConcurrentLinkedQueue<>();
        private final CompletableFuture<Status> closed = new CompletableFuture<>();

        UnreadStream(ManagedChannel channel, String producerKey) {
            call = channel.newCall(EventIngestServiceGrpc.getPublishMethod(), CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.MINUTES));
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + producerKey);
            call.start(new ClientCall.Listener<>() {
                @Override
                public void onMessage(PublishResponse response) {
                    responses.add(response);
                }

                @Override
                public void onClose(Status status, Metadata trailers) {
                    closed.complete(status);
                }
            }, headers);
            // No call.request(): a ClientCall delivers no response before it asks for one.
        }
    }
}
