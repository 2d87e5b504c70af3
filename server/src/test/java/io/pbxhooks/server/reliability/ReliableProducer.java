package io.pbxhooks.server.reliability;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc;
import io.pbxhooks.server.reliability.CallTraffic.PlannedEvent;
import io.pbxhooks.server.testing.AdminTestServer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A PBX platform publishing its events as a real producer must: over a {@code Publish} stream with a bounded window of
 * unacknowledged events; when the stream fails, it connects again (to whichever node {@code target} names then) and
 * publishes the unacknowledged events again, in their original order, so a call's events stay in order.
 */
final class ReliableProducer implements Runnable {

    private static final Duration SILENCE = Duration.ofSeconds(60);
    private static final long BACKOFF_MILLIS = 250;

    private final String key;
    private final Deque<PlannedEvent> pending;
    private final int window;
    private final Supplier<ServerProcess> target;
    private final ProducerLedger ledger;
    private final long intervalNanos;
    private long nextSendNanos = System.nanoTime();

    ReliableProducer(String key, List<PlannedEvent> events, int window, Supplier<ServerProcess> target, ProducerLedger ledger) {
        this(key, events, window, target, ledger, 0);
    }

    /**
     * A producer publishing at most {@code eventsPerSecond} on average (0: as fast as the window allows); after a stall
     * it catches up, a window at a time, as a PBX with events queued would.
     */
    ReliableProducer(String key, List<PlannedEvent> events, int window, Supplier<ServerProcess> target, ProducerLedger ledger,
                     int eventsPerSecond) {
        this.key = key;
        this.pending = new ArrayDeque<>(events);
        this.window = window;
        this.target = target;
        this.ledger = ledger;
        this.intervalNanos = eventsPerSecond == 0 ? 0 : 1_000_000_000L / eventsPerSecond;
    }

    @Override
    public void run() {
        try {
            while (!pending.isEmpty()) {
                if (!publishOnOneStream(target.get())) {
                    ServerProcess.sleep(BACKOFF_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the next event's turn; always true. */
    private boolean pace() throws InterruptedException {
        if (intervalNanos > 0) {
            nextSendNanos += intervalNanos;
            long wait = nextSendNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        return true;
    }

    /** True when everything pending was sent and acknowledged on this stream. */
    private boolean publishOnOneStream(ServerProcess node) throws InterruptedException {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", node.grpcPort()).usePlaintext().build();
        PublishStream stream = new PublishStream(AdminTestServer.withKey(EventIngestServiceGrpc.newStub(channel), key), window, ledger);
        try {
            while (!pending.isEmpty() && pace() && stream.send(pending.peek())) {
                pending.poll();
            }
            stream.finish(SILENCE);
            return pending.isEmpty();
        } catch (PublishStream.Failed failed) {
            ledger.streamFailed(failed.status);
            return false;
        } finally {
            List<PlannedEvent> unacknowledged = stream.unacknowledged();
            ledger.republishing(unacknowledged.size());
            for (int index = unacknowledged.size() - 1; index >= 0; index--) {
                pending.addFirst(unacknowledged.get(index));
            }
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
