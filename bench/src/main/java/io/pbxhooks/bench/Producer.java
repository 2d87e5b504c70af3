package io.pbxhooks.bench;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * The PBX side: Hosted PBX call events published over several {@code Publish} streams. Open loop: events are due at a
 * fixed rate and sent when due whatever the server does, latency counted from when they were due. Saturating: each
 * stream keeps a window of events outstanding, as fast as the server acknowledges them.
 */
final class Producer implements AutoCloseable {

    /** What one step of load produced. */
    record Step(long sent, long accepted, long failed, double sendSeconds, double ackSeconds, Latencies ackLatency) {
        double acceptedPerSecond() {
            return accepted / ackSeconds;
        }
    }

    private final ManagedChannel channel;
    private final String key;
    private final int streamCount;
    private final String runId = "run" + Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong nextSequence = new AtomicLong(1);

    Producer(int grpcPort, String key, int streamCount) {
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        this.key = key;
        this.streamCount = streamCount;
    }

    /** A schedule for the next {@code capacity} events. */
    Schedule schedule(int capacity) {
        return new Schedule(nextSequence.getAndAdd(capacity), capacity);
    }

    /** Sends {@code rate} events a second for {@code duration}, each when due, and waits for every acknowledgement. */
    Step openLoop(Schedule schedule, LongFunction<String> accountOf, double rate, Duration duration) throws InterruptedException {
        int count = (int) Math.min(schedule.capacity(), Math.round(rate * duration.toNanos() / 1e9));
        Streams streams = new Streams(schedule, count, 0);
        long intervalNanos = Math.round(1e9 / rate);
        long start = System.nanoTime();
        int sent = 0;
        while (sent < count) {
            long now = System.nanoTime();
            // Everything due by now goes out at once; then sleep until the next one is due (no spinning: 2 cores).
            while (sent < count && start + sent * intervalNanos <= now) {
                long sequence = schedule.firstSequence() + sent;
                schedule.due(sequence, start + sent * intervalNanos);
                streams.send(sent, BenchEvents.publish(runId, accountOf.apply(sequence), sequence));
                sent++;
            }
            if (sent < count) {
                LockSupport.parkNanos(start + sent * intervalNanos - System.nanoTime());
            }
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        return streams.finish(start, sendSeconds);
    }

    /** Keeps {@code window} events outstanding on each stream for {@code duration}; latency counted from each send. */
    Step saturate(Schedule schedule, LongFunction<String> accountOf, Duration duration, int window) throws InterruptedException {
        Streams streams = new Streams(schedule, schedule.capacity(), window);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int sent = 0;
        while (System.nanoTime() < end && sent < schedule.capacity()) {
            long sequence = schedule.firstSequence() + sent;
            streams.awaitRoom(sent);
            schedule.due(sequence, System.nanoTime());
            streams.send(sent, BenchEvents.publish(runId, accountOf.apply(sequence), sequence));
            sent++;
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        return streams.finish(start, sendSeconds, sent);
    }

    /** The streams of one step; event {@code index} goes to stream {@code index % streamCount}. */
    private final class Streams {
        private final Schedule schedule;
        private final List<StreamObserver<PublishRequest>> requests = new ArrayList<>();
        private final List<Semaphore> windows = new ArrayList<>();
        private final CountDownLatch closed;
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong lastAckNanos = new AtomicLong();
        private final Latencies ackLatency = new Latencies();
        private int expected;

        /** @param window events outstanding per stream at most; 0 for no limit (open loop) */
        Streams(Schedule schedule, int expected, int window) {
            this.schedule = schedule;
            this.expected = expected;
            this.closed = new CountDownLatch(streamCount);
            EventIngestServiceGrpc.EventIngestServiceStub stub = Provisioning.withKey(EventIngestServiceGrpc.newStub(channel), key)
                    .withDeadlineAfter(1, TimeUnit.HOURS);
            for (int index = 0; index < streamCount; index++) {
                Semaphore room = window > 0 ? new Semaphore(window) : null;
                windows.add(room);
                requests.add(stub.publish(new StreamObserver<>() {
                    @Override
                    public void onNext(PublishResponse response) {
                        long now = System.nanoTime();
                        long sequence = Long.parseLong(response.getEventId().substring(response.getEventId().lastIndexOf('-') + 1));
                        if (response.getOutcome() == PublishResponse.Outcome.ACCEPTED) {
                            accepted.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                        ackLatency.recordNanos(now - schedule.dueNanos(sequence));
                        lastAckNanos.accumulateAndGet(now, Math::max);
                        if (room != null) {
                            room.release();
                        }
                    }

                    @Override
                    public void onError(Throwable failure) {
                        System.out.println("  a Publish stream failed: " + failure);
                        failed.incrementAndGet();
                        closed.countDown();
                    }

                    @Override
                    public void onCompleted() {
                        closed.countDown();
                    }
                }));
            }
        }

        void awaitRoom(int index) throws InterruptedException {
            windows.get(index % streamCount).acquire();
        }

        void send(int index, PublishRequest request) {
            requests.get(index % streamCount).onNext(request);
        }

        Step finish(long start, double sendSeconds) throws InterruptedException {
            return finish(start, sendSeconds, expected);
        }

        Step finish(long start, double sendSeconds, int sent) throws InterruptedException {
            expected = sent;
            requests.forEach(StreamObserver::onCompleted);
            if (!closed.await(10, TimeUnit.MINUTES)) {
                System.out.println("  not every Publish stream was answered within 10 minutes");
            }
            double ackSeconds = (lastAckNanos.get() - start) / 1e9;
            return new Step(sent, accepted.get(), failed.get(), sendSeconds, ackSeconds, ackLatency);
        }
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
