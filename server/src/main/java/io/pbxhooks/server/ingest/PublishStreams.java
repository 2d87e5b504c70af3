package io.pbxhooks.server.ingest;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.pbxhooks.ingest.v1.PublishResponse;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * This node's open {@code Publish} streams, so that a node shutting down can end each one with UNAVAILABLE as soon as
 * the event it is committing has been acknowledged, and refuse new streams: the producers publish what was not
 * acknowledged again, on another node. Nothing is acknowledged that is not committed, and nothing committed goes
 * unacknowledged because of the shutdown.
 */
@Singleton
public class PublishStreams {

    private static final Status SHUTTING_DOWN = Status.UNAVAILABLE
            .withDescription("this node is shutting down; publish the unacknowledged events again on another node");

    private final Set<OpenStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    /** Registers a stream that has just started; one started while the node shuts down ends at once. */
    OpenStream open(ServerCallStreamObserver<PublishResponse> responses) {
        OpenStream stream = new OpenStream(responses);
        open.add(stream);
        if (draining) {
            stream.endIfIdle();
        }
        return stream;
    }

    /** Refuses new streams and events, and ends each open stream now or, if it is committing an event, once that is answered. */
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
     * One stream. gRPC calls all but {@link #endIfIdle} one at a time; the shutdown calls that at any time, so every
     * use of the response observer besides the response itself is under this object's lock.
     */
    final class OpenStream {

        private final ServerCallStreamObserver<PublishResponse> responses;
        private boolean busy;
        private boolean ended;

        private OpenStream(ServerCallStreamObserver<PublishResponse> responses) {
            this.responses = responses;
        }

        /** Whether to take the event that arrived; false once the stream has ended, or ends now: the event is not acknowledged. */
        synchronized boolean beginEvent() {
            if (!ended && draining) {
                end(SHUTTING_DOWN.asRuntimeException());
            }
            busy = !ended;
            return busy;
        }

        /** After the event's response: asks for the next event, or ends the stream when the node is shutting down. */
        synchronized void eventAnswered() {
            busy = false;
            if (draining) {
                end(SHUTTING_DOWN.asRuntimeException());
            } else if (!ended) {
                responses.request(1);
            }
        }

        synchronized void fail(RuntimeException error) {
            end(error);
        }

        /** The producer closed its side: everything it was sent is answered. */
        synchronized void complete() {
            if (!ended) {
                ended = true;
                ended(this);
                responses.onCompleted();
            }
        }

        /** The producer went away. */
        synchronized void cancelled() {
            ended = true;
            ended(this);
        }

        synchronized void endIfIdle() {
            if (!busy) {
                end(SHUTTING_DOWN.asRuntimeException());
            }
        }

        private void end(RuntimeException error) {
            if (ended) {
                return;
            }
            ended = true;
            ended(this);
            try {
                responses.onError(error);
            } catch (RuntimeException cancelledMeanwhile) {
                // The producer cancelled at the same moment: there is no one left to tell.
            }
        }
    }
}
