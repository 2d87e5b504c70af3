package io.pbxhooks.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.pbxhooks.ingest.v1.PublishResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A draining node ends an idle Publish stream at once, and a stream committing events only after they are answered,
 * in order, without asking for more; new streams and events are refused.
 */
class PublishStreamsTest {

    /** The server side of a call as the stream sees it: what was asked for and how it ended. */
    private static final class RecordedCall extends ServerCallStreamObserver<PublishResponse> {
        private int requested;
        private boolean ready = true;
        private Status endedWith;
        private final List<PublishResponse> responses = new ArrayList<>();

        @Override
        public void onNext(PublishResponse response) {
            responses.add(response);
        }

        @Override
        public void onError(Throwable error) {
            endedWith = Status.fromThrowable(error);
        }

        @Override
        public void onCompleted() {
            endedWith = Status.OK;
        }

        @Override
        public void request(int count) {
            requested += count;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void setOnCancelHandler(Runnable handler) {
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setOnReadyHandler(Runnable handler) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }
    }

    private final PublishStreams streams = new PublishStreams();

    @Test
    void aStreamCommittingEventsEndsOnlyOnceTheyAreAnsweredInOrder() throws Exception {
        RecordedCall call = new RecordedCall();
        PublishStreams.OpenStream stream = open(call);
        CompletableFuture<PublishResponse> first = new CompletableFuture<>();
        CompletableFuture<PublishResponse> second = new CompletableFuture<>();
        assertTrue(stream.takesEvents());
        stream.add(first);
        assertTrue(stream.takesEvents());
        stream.add(second);

        streams.drain();
        assertNull(call.endedWith, "not while events are being committed");
        assertFalse(stream.takesEvents(), "an event that arrives now is neither stored nor answered");
        assertFalse(streams.awaitAllEnded(Duration.ofMillis(50)));

        second.complete(response("second"));
        assertEquals(List.of(), call.responses, "the second waits for the first");
        first.complete(response("first"));
        assertEquals(List.of(response("first"), response("second")), call.responses, "both answered, in order, before the end");
        assertEquals(Status.Code.UNAVAILABLE, call.endedWith.getCode());
        assertEquals(0, call.requested, "no further event asked for");
        assertTrue(streams.awaitAllEnded(Duration.ZERO));
    }

    @Test
    void anEventThatCannotBeStoredEndsTheStreamAndLeavesTheRestUnanswered() {
        RecordedCall call = new RecordedCall();
        PublishStreams.OpenStream stream = open(call);
        CompletableFuture<PublishResponse> stored = new CompletableFuture<>();
        stream.add(CompletableFuture.failedFuture(new IllegalStateException("the database is down")));
        stream.add(stored);
        stored.complete(response("after the failure"));
        assertEquals(Status.Code.UNAVAILABLE, call.endedWith.getCode());
        assertEquals(List.of(), call.responses);
    }

    @Test
    void idleStreamsEndAtOnceAndNewOnesAreRefused() {
        RecordedCall idle = new RecordedCall();
        PublishStreams.OpenStream stream = open(idle);
        stream.add(CompletableFuture.completedFuture(response("answered")));
        assertEquals(1, idle.requested, "the next event is asked for while the node runs");

        streams.drain();
        assertEquals(Status.Code.UNAVAILABLE, idle.endedWith.getCode());

        RecordedCall late = new RecordedCall();
        PublishStreams.OpenStream refused = open(late);
        assertEquals(Status.Code.UNAVAILABLE, late.endedWith.getCode());
        assertFalse(refused.takesEvents());
    }

    @Test
    void noEventIsAskedForWhileTheCallIsNotReadyAndTheOwedOnesOnceItIs() {
        RecordedCall call = new RecordedCall();
        PublishStreams.OpenStream stream = open(call);
        call.ready = false;
        stream.add(CompletableFuture.completedFuture(response("first")));
        stream.add(CompletableFuture.completedFuture(response("second")));
        assertEquals(List.of(response("first"), response("second")), call.responses, "answered all the same");
        assertEquals(0, call.requested, "nothing more read while the producer's side is full");

        stream.resume();
        assertEquals(0, call.requested, "still not ready");
        call.ready = true;
        stream.resume();
        assertEquals(2, call.requested, "one event for each answered while not ready");
        stream.add(CompletableFuture.completedFuture(response("third")));
        assertEquals(3, call.requested);
    }

    @Test
    void aProducerThatFinishesOrGoesAwayNoLongerCounts() throws Exception {
        RecordedCall finished = new RecordedCall();
        PublishStreams.OpenStream stream = open(finished);
        CompletableFuture<PublishResponse> last = new CompletableFuture<>();
        stream.add(last);
        stream.producerCompleted();
        assertNull(finished.endedWith, "not before its last event is answered");
        last.complete(response("last"));
        assertEquals(Status.OK, finished.endedWith);
        open(new RecordedCall()).cancelled();
        assertTrue(streams.awaitAllEnded(Duration.ZERO));
    }

    private PublishStreams.OpenStream open(RecordedCall call) {
        return streams.open(call, failure -> Status.UNAVAILABLE.withDescription(failure.getMessage()).asRuntimeException());
    }

    private static PublishResponse response(String eventId) {
        return PublishResponse.newBuilder().setEventId(eventId).build();
    }
}
