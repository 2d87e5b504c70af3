package io.pbxhooks.server.delivery;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc.EventIngestServiceStub;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@code Publish} stream kept open: events one at a time, each answered before the next, and how the stream ended. */
final class OpenPublishStream implements AutoCloseable {

    private final BlockingQueue<PublishResponse> responses = new LinkedBlockingQueue<>();
    private final CompletableFuture<Status> ended = new CompletableFuture<>();
    private final StreamObserver<PublishRequest> requests;

    OpenPublishStream(EventIngestServiceStub ingest) {
        requests = ingest.publish(new StreamObserver<>() {
            @Override
            public void onNext(PublishResponse response) {
                responses.add(response);
            }

            @Override
            public void onError(Throwable failure) {
                ended.complete(Status.fromThrowable(failure));
            }

            @Override
            public void onCompleted() {
                ended.complete(Status.OK);
            }
        });
    }

    /** The response to {@code request}; null if the stream ended first (see {@link #endedWith}). */
    PublishResponse publish(PublishRequest request) throws InterruptedException {
        requests.onNext(request);
        long deadline = System.nanoTime() + Eventually.DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            PublishResponse response = responses.poll(20, TimeUnit.MILLISECONDS);
            if (response != null) {
                return response;
            }
            if (ended.isDone()) {
                return null;
            }
        }
        throw new AssertionError("no response to " + request.getEventId() + " within " + Eventually.DEADLINE);
    }

    /** How the server ended the stream, waiting for it. */
    Status endedWith() throws Exception {
        return ended.get(Eventually.DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!ended.isDone()) {
            requests.onCompleted();
        }
        endedWith();
    }
}
