package io.pbxhooks.server.reliability;

import io.grpc.Status;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.ingest.v1.PublishResponse.Outcome;
import io.pbxhooks.server.reliability.CallTraffic.PlannedEvent;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the producers were told, shared by all of them: exactly which events were acknowledged (ACCEPTED or DUPLICATE),
 * which were rejected, the stream failures by status code, how many events had to be published again, and when each
 * acknowledgement came.
 */
final class ProducerLedger {

    private final Map<String, PlannedEvent> acknowledged = new ConcurrentHashMap<>();
    private final Queue<String> rejected = new ConcurrentLinkedQueue<>();
    private final Map<Status.Code, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger republished = new AtomicInteger();
    private final AtomicLong slowestAckNanos = new AtomicLong();
    private final Queue<Long> ackTimes = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> firstAckWallMillis = new ConcurrentHashMap<>();

    void acknowledged(PlannedEvent event, PublishResponse response, long waitedNanos) {
        if (response.getOutcome() == Outcome.REJECTED) {
            rejected.add(response.getEventId() + ": " + response.getReason());
            return;
        }
        if (response.getOutcome() == Outcome.DUPLICATE) {
            duplicates.incrementAndGet();
        }
        acknowledged.put(event.eventId(), event);
        firstAckWallMillis.putIfAbsent(event.eventId(), System.currentTimeMillis());
        slowestAckNanos.accumulateAndGet(waitedNanos, Math::max);
        ackTimes.add(System.nanoTime());
    }

    /** When the event was first acknowledged, on the wall clock (as {@link CountingReceiver.Arrival#wallMillis}). */
    long firstAcknowledgedAtMillis(String eventId) {
        Long time = firstAckWallMillis.get(eventId);
        if (time == null) {
            throw new IllegalArgumentException(eventId + " was never acknowledged");
        }
        return time;
    }

    void streamFailed(Status status) {
        failures.computeIfAbsent(status.getCode(), code -> new AtomicInteger()).incrementAndGet();
    }

    void republishing(int events) {
        republished.addAndGet(events);
    }

    List<PlannedEvent> acknowledgedEvents() {
        return List.copyOf(acknowledged.values());
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Events acknowledged DUPLICATE: published again after a failure although they had been committed. */
    int duplicateAcknowledgements() {
        return duplicates.get();
    }

    List<String> rejected() {
        return List.copyOf(rejected);
    }

    /** Stream failures by status code, e.g. {UNAVAILABLE=3}. */
    Map<Status.Code, Integer> failures() {
        Map<Status.Code, Integer> counts = new TreeMap<>();
        failures.forEach((code, count) -> counts.put(code, count.get()));
        return counts;
    }

    int failureCount() {
        return failures().values().stream().mapToInt(Integer::intValue).sum();
    }

    int republished() {
        return republished.get();
    }

    long slowestAckMillis() {
        return slowestAckNanos.get() / 1_000_000;
    }

    /** The first acknowledgement at or after {@code nanos} ({@link System#nanoTime()}), if any. */
    OptionalLong firstAckAfter(long nanos) {
        return ackTimes.stream().mapToLong(Long::longValue).filter(time -> time >= nanos).min();
    }
}
