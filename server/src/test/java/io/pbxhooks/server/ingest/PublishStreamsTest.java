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
import org.junit.jupiter.api.Test;

/**
 * A draining node ends an idle Publish stream at once, and a stream committing an event only after that event is
 * answered, without asking for another; new streams and events are refused.
 */
class PublishStreamsTest {

    /** The server side of a call as the stream sees it: what was asked for and how it ended. */
    private static final class RecordedCall extends ServerCallStreamObserver<PublishResponse> {
        private int requested;
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
            return true;
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
    void aStreamCommittingAnEventEndsOnlyOnceTheEventIsAnswered() throws Exception {
        RecordedCall call = new RecordedCall();
        PublishStreams.OpenStream stream = streams.open(call);
        assertTrue(stream.beginEvent());

        streams.drain();
        assertNull(call.endedWith, "not while the event is being committed");
        assertFalse(streams.awaitAllEnded(Duration.ofMillis(50)));

        call.onNext(PublishResponse.newBuilder().setEventId("committed").build());
        stream.eventAnswered();
        assertEquals(Status.Code.UNAVAILABLE, call.endedWith.getCode());
        assertEquals(1, call.responses.size(), "the event was answered before the end");
        assertEquals(0, call.requested, "no further event asked for");
        assertFalse(stream.beginEvent(), "an event that arrives anyway is neither stored nor answered");
        assertTrue(streams.awaitAllEnded(Duration.ZERO));
    }

    @Test
    void idleStreamsEndAtOnceAndNewOnesAreRefused() {
        RecordedCall idle = new RecordedCall();
        PublishStreams.OpenStream stream = streams.open(idle);
        assertTrue(stream.beginEvent());
        stream.eventAnswered();
        assertEquals(1, idle.requested, "the next event is asked for while the node runs");

        streams.drain();
        assertEquals(Status.Code.UNAVAILABLE, idle.endedWith.getCode());

        RecordedCall late = new RecordedCall();
        PublishStreams.OpenStream refused = streams.open(late);
        assertEquals(Status.Code.UNAVAILABLE, late.endedWith.getCode());
        assertFalse(refused.beginEvent());
    }

    @Test
    void aProducerThatFinishesOrGoesAwayNoLongerCounts() throws Exception {
        RecordedCall finished = new RecordedCall();
        streams.open(finished).complete();
        assertEquals(Status.OK, finished.endedWith);
        streams.open(new RecordedCall()).cancelled();
        assertTrue(streams.awaitAllEnded(Duration.ZERO));
    }
}
