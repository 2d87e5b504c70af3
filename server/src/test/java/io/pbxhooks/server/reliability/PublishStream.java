package io.pbxhooks.server.reliability;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc.EventIngestServiceStub;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.reliability.CallTraffic.PlannedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One {@code EventIngestService.Publish} stream with at most {@code window} events unacknowledged. It remembers which
 * events are sent and not yet acknowledged, in order, so that after a failure they can be published again.
 */
final class PublishStream {

    /** The stream ended with an error (the server died, the database is down ...), or went silent. */
    static final class Failed extends Exception {
        final Status status;

        Failed(Status status) {
            super(status.toString());
            this.status = status;
        }
    }

    private final Semaphore window;
    private final Map<String, PlannedEvent> unacknowledged = new LinkedHashMap<>();
    private final Map<String, Long> sentAt = new LinkedHashMap<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final StreamObserver<PublishRequest> requests;
    private final ProducerLedger ledger;

    PublishStream(EventIngestServiceStub ingest, int window, ProducerLedger ledger) {
        this.window = new Semaphore(window);
        this.ledger = ledger;
        this.requests = ingest.publish(new StreamObserver<>() {
            @Override
            public void onNext(PublishResponse response) {
                acknowledged(response);
            }

            @Override
            public void onError(Throwable failure) {
                ended.completeExceptionally(failure);
            }

            @Override
            public void onCompleted() {
                ended.complete(null);
            }
        });
    }

    private void acknowledged(PublishResponse response) {
        PlannedEvent event;
        Long sent;
        synchronized (this) {
            event = unacknowledged.remove(response.getEventId());
            sent = sentAt.remove(response.getEventId());
        }
        if (event == null) {
            throw new IllegalStateException("an acknowledgement of an event not sent on this stream: " + response);
        }
        ledger.acknowledged(event, response, System.nanoTime() - sent);
        window.release();
    }

    /** Sends the event once the window allows; false when the stream has ended meanwhile. */
    boolean send(PlannedEvent event) throws InterruptedException {
        while (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (ended.isDone()) {
                return false;
            }
        }
        if (ended.isDone()) {
            window.release();
            return false;
        }
        synchronized (this) {
            unacknowledged.put(event.eventId(), event);
            sentAt.put(event.eventId(), System.nanoTime());
        }
        requests.onNext(event.request());
        return true;
    }

    /** Closes the sending side and waits for the last acknowledgements; fails if the stream failed or went silent. */
    void finish(Duration silence) throws Failed, InterruptedException {
        if (!ended.isDone()) {
            requests.onCompleted();
        }
        try {
            ended.get(silence.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failure) {
            throw new Failed(Status.fromThrowable(failure.getCause()));
        } catch (TimeoutException silent) {
            requests.onError(Status.CANCELLED.withDescription("no acknowledgement in time").asRuntimeException());
            throw new Failed(Status.DEADLINE_EXCEEDED.withDescription("no acknowledgement within " + silence.toSeconds() + " s"));
        }
    }

    /** Whether the stream failed before everything was sent. */
    boolean hasEnded() {
        return ended.isDone();
    }

    /** The events sent on this stream and never acknowledged, in the order they were sent. */
    synchronized List<PlannedEvent> unacknowledged() {
        return new ArrayList<>(unacknowledged.values());
    }
}
