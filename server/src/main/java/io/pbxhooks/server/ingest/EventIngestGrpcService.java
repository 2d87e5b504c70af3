package io.pbxhooks.server.ingest;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.pbxhooks.admin.auth.Caller;
import io.pbxhooks.admin.port.Principal;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC face of {@link EventIngest}. A stream has at most {@link #WINDOW} events outstanding and reads one more for
 * each response sent while the call is ready (manual flow control), so a slow database, or a producer that does not read
 * its responses, slows the producer down instead of piling events or responses up in memory; the outstanding events of all streams and calls are committed together ({@link GroupCommitter}). Responses go out in
 * the order of the events. While the node shuts down, {@link PublishStreams} ends each stream once its outstanding
 * events are answered.
 */
public class EventIngestGrpcService extends EventIngestServiceGrpc.EventIngestServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(EventIngestGrpcService.class);

    /** Events of one stream read before their responses are sent: enough for group commits to fill their batches. */
    static final int WINDOW = 64;

    private final EventIngest ingest;
    private final PublishStreams streams;

    public EventIngestGrpcService(EventIngest ingest, PublishStreams streams) {
        this.ingest = ingest;
        this.streams = streams;
    }

    @Override
    public StreamObserver<PublishRequest> publish(StreamObserver<PublishResponse> responses) {
        Principal producer = Caller.current();
        ServerCallStreamObserver<PublishResponse> out = (ServerCallStreamObserver<PublishResponse>) responses;
        out.disableAutoRequest();
        PublishCalls.HeldCloseCall<?, ?> call = PublishCalls.CURRENT.get();
        PublishStreams.OpenStream stream = streams.open(out, EventIngestGrpcService::unavailable, call);
        out.setOnCancelHandler(stream::cancelled);
        // Also when the call was closed outside the stream (a malformed message ends it in the error mapping).
        out.setOnCloseHandler(stream::cancelled);
        out.setOnReadyHandler(stream::resume);
        if (call != null) {
            call.sendHeadersNow();
        }
        out.request(WINDOW);
        return new StreamObserver<>() {
            @Override
            public void onNext(PublishRequest request) {
                if (!stream.takesEvents()) {
                    return;
                }
                CompletableFuture<PublishResponse> response;
                try {
                    response = ingest.publishAsync(producer, request);
                } catch (RuntimeException failure) {
                    response = CompletableFuture.failedFuture(failure);
                }
                stream.add(response);
            }

            @Override
            public void onError(Throwable cancelled) {
                // The producer went away; everything it was told ACCEPTED is committed.
                stream.cancelled();
            }

            @Override
            public void onCompleted() {
                stream.producerCompleted();
            }
        };
    }

    @Override
    public void publishOne(PublishRequest request, StreamObserver<PublishResponse> responses) {
        Principal producer = Caller.current();
        try {
            responses.onNext(ingest.publish(producer, request));
        } catch (RuntimeException failure) {
            responses.onError(unavailable(failure));
            return;
        }
        responses.onCompleted();
    }

    private static RuntimeException unavailable(Throwable failure) {
        LOG.warn("Cannot store an event now: {}", failure.toString());
        return Status.UNAVAILABLE.withDescription("events cannot be stored right now; publish the unacknowledged events again")
                .asRuntimeException();
    }
}
