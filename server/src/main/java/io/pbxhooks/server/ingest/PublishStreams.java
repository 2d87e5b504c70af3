package io.pbxhooks.server.ingest;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.pbxhooks.ingest.v1.PublishResponse;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * This node's open {@code Publish} streams, so that a node shutting down can end each one with UNAVAILABLE as soon as
 * the events it is committing have been acknowledged, and refuse new streams: the producers publish what was not
 * acknowledged again, on another node. Nothing is acknowledged that is not committed, and nothing committed goes
 * unacknowledged because of the shutdown.
 */
@Singleton
public class PublishStreams {

    private static final Status SHUTTING_DOWN = Status.UNAVAILABLE
            .withDescription("this node is shutting down; publish the unacknowledged events again on another node");

    private final Set<OpenStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    /**
     * Registers a stream that has just started; one started while the node shuts down ends at once.
     *
     * @param toStatus what a failure to store an event ends the stream with
     */
    OpenStream open(ServerCallStreamObserver<PublishResponse> responses, Function<Throwable, RuntimeException> toStatus) {
        return open(responses, toStatus, null);
    }

    /** {@link #open}, with the call's close waiting while the stream has events to answer; {@code call} may be null. */
    OpenStream open(ServerCallStreamObserver<PublishResponse> responses, Function<Throwable, RuntimeException> toStatus,
                    PublishCalls.HeldCloseCall<?, ?> call) {
        OpenStream stream = new OpenStream(responses, toStatus, call);
        if (call != null) {
            call.holdCloseWhile(stream::unanswered);
        }
        open.add(stream);
        if (draining) {
            stream.endIfIdle();
        }
        return stream;
    }

    /** Refuses new streams and events, and ends each open stream now or, if it is committing events, once they are answered. */
    public void drain() {
        draining = true;
        open.forEach(OpenStream::endIfIdle);
    }

    /** Waits at most {@code timeout} until every stream has ended; false if some are still open. */
    public boolean awaitAllEnded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (open) {
            while (!open.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(open, left);
            }
        }
        return true;
    }

    private void ended(OpenStream stream) {
        open.remove(stream);
        synchronized (open) {
            open.notifyAll();
        }
    }

    /**
     * One stream: its events' responses, sent in the order of the events although their commits complete in any order.
     * Each response sent lets the server read one more event, but only while the call is ready: a producer that does not
     * read its responses fills the transport's buffers, the call stops being ready, and no more of its events are read
     * until it is ready again ({@link #resume}). The first event that cannot be stored ends the stream
     * with the error it maps to; the events after it stay unanswered, so the producer publishes them again. Commits
     * complete on other threads and the shutdown comes at any time, so every use of the response observer is under this
     * object's lock.
     */
    final class OpenStream {

        private final ServerCallStreamObserver<PublishResponse> responses;
        private final Function<Throwable, RuntimeException> toStatus;
        private final PublishCalls.HeldCloseCall<?, ?> call;
        private final Queue<CompletableFuture<PublishResponse>> outstanding = new ArrayDeque<>();
        /** Events answered whose places in the window have not been asked for again, as the call was not ready. */
        private int owed;
        /** outstanding.size(), readable without this lock by a close that comes from the gRPC thread. */
        private volatile int unanswered;
        private boolean producerCompleted;
        private boolean ended;

        private OpenStream(ServerCallStreamObserver<PublishResponse> responses, Function<Throwable, RuntimeException> toStatus,
                           PublishCalls.HeldCloseCall<?, ?> call) {
            this.responses = responses;
            this.toStatus = toStatus;
            this.call = call;
        }

        int unanswered() {
            return unanswered;
        }

        /**
         * Whether to take the event that arrived: false once the stream has ended or the node shuts down (the event is
         * neither stored nor answered; an idle stream ends now).
         */
        synchronized boolean takesEvents() {
            if (draining) {
                endIfIdle();
            }
            return !ended && !draining;
        }

        /** The response of the next event, to be sent once it and those of the events before it are complete. */
        synchronized void add(CompletableFuture<PublishResponse> response) {
            if (ended) {
                return;
            }
            outstanding.add(response);
            unanswered = outstanding.size();
            response.whenComplete((sent, failure) -> sendWhatIsReady());
        }

        /** The call is ready again (its onReady handler): the events owed are asked for. */
        synchronized void resume() {
            askForOwedEvents();
        }

        /** The producer closed its side: the stream completes once everything it sent is answered. */
        synchronized void producerCompleted() {
            producerCompleted = true;
            sendWhatIsReady();
        }

        /** The producer went away or the call was closed: nothing more is sent. */
        synchronized void cancelled() {
            ended = true;
            outstanding.clear();
            unanswered = 0;
            ended(this);
        }

        synchronized void endIfIdle() {
            if (outstanding.isEmpty()) {
                end(SHUTTING_DOWN.asRuntimeException());
            }
        }

        private synchronized void sendWhatIsReady() {
            while (!ended && !outstanding.isEmpty() && outstanding.peek().isDone()) {
                CompletableFuture<PublishResponse> next = outstanding.peek();
                try {
                    responses.onNext(next.join());
                    outstanding.poll();
                    unanswered = outstanding.size();
                } catch (CompletionException failure) {
                    end(toStatus.apply(failure.getCause()));
                    return;
                } catch (RuntimeException failure) {
                    end(toStatus.apply(failure));
                    return;
                }
                owed++;
                askForOwedEvents();
            }
            if (!ended && outstanding.isEmpty()) {
                if (call != null) {
                    call.answered();
                }
                if (draining) {
                    end(SHUTTING_DOWN.asRuntimeException());
                } else if (producerCompleted) {
                    ended = true;
                    ended(this);
                    responses.onCompleted();
                }
            }
        }

        private void askForOwedEvents() {
            if (!ended && !draining && owed > 0 && responses.isReady()) {
                responses.request(owed);
                owed = 0;
            }
        }

        private void end(RuntimeException error) {
            if (ended) {
                return;
            }
            ended = true;
            outstanding.clear();
            unanswered = 0;
            ended(this);
            try {
                responses.onError(error);
            } catch (RuntimeException cancelledMeanwhile) {
                // The producer cancelled at the same moment: there is no one left to tell.
            }
        }
    }
}
