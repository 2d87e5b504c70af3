package io.pbxhooks.server.ingest;

import io.grpc.stub.ServerCallStreamObserver;
import io.pbxhooks.ingest.v1.PublishResponse;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The responses of one Publish stream, sent in the order of its events although their commits complete in any order.
 * Each response sent lets the producer send one more event (manual flow control): a slow database slows the producer
 * instead of piling events up. The first event that cannot be stored ends the stream with the error the failure maps to;
 * the events after it stay unanswered, so the producer publishes them again.
 */
final class OrderedResponses {

    private final ServerCallStreamObserver<PublishResponse> out;
    private final Function<Throwable, RuntimeException> toStatus;
    private final Queue<CompletableFuture<PublishResponse>> outstanding = new ArrayDeque<>();
    private boolean producerCompleted;
    private boolean finished;

    OrderedResponses(ServerCallStreamObserver<PublishResponse> out, Function<Throwable, RuntimeException> toStatus) {
        this.out = out;
        this.toStatus = toStatus;
    }

    synchronized void add(CompletableFuture<PublishResponse> response) {
        outstanding.add(response);
        response.whenComplete((sent, failure) -> sendWhatIsReady());
    }

    synchronized void producerCompleted() {
        producerCompleted = true;
        sendWhatIsReady();
    }

    /** The producer cancelled or the stream broke: nothing more is sent. */
    synchronized void cancelled() {
        finished = true;
        outstanding.clear();
    }

    private synchronized void sendWhatIsReady() {
        while (!finished && !outstanding.isEmpty() && outstanding.peek().isDone()) {
            CompletableFuture<PublishResponse> next = outstanding.poll();
            try {
                out.onNext(next.join());
                out.request(1);
            } catch (CompletionException failure) {
                finish(toStatus.apply(failure.getCause()));
                return;
            } catch (RuntimeException failure) {
                finish(toStatus.apply(failure));
                return;
            }
        }
        if (!finished && producerCompleted && outstanding.isEmpty()) {
            finished = true;
            out.onCompleted();
        }
    }

    private void finish(RuntimeException status) {
        finished = true;
        outstanding.clear();
        out.onError(status);
    }
}
