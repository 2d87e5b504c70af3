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
 * each response sent (manual flow control), so a slow database slows the producer down instead of piling events up in
 * memory; the outstanding events of all streams are committed together ({@link GroupCommitter}). Responses go out in
 * the order of the events.
 */
public class EventIngestGrpcService extends EventIngestServiceGrpc.EventIngestServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(EventIngestGrpcService.class);

    /** Events of one stream read before their responses are sent: enough to fill a group commit from a few streams. */
    static final int WINDOW = 64;

    private final EventIngest ingest;

    public EventIngestGrpcService(EventIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public StreamObserver<PublishRequest> publish(StreamObserver<PublishResponse> responses) {
        Principal producer = Caller.current();
        ServerCallStreamObserver<PublishResponse> out = (ServerCallStreamObserver<PublishResponse>) responses;
        OrderedResponses ordered = new OrderedResponses(out, EventIngestGrpcService::unavailable);
        out.setOnCancelHandler(ordered::cancelled);
        out.disableAutoRequest();
        out.request(WINDOW);
        return new StreamObserver<>() {
            @Override
            public void onNext(PublishRequest request) {
                CompletableFuture<PublishResponse> response;
                try {
                    response = ingest.publishAsync(producer, request);
                } catch (RuntimeException failure) {
                    response = CompletableFuture.failedFuture(failure);
                }
                ordered.add(response);
            }

            @Override
            public void onError(Throwable cancelled) {
                // The producer went away; everything it was told ACCEPTED is committed.
                ordered.cancelled();
            }

            @Override
            public void onCompleted() {
                ordered.producerCompleted();
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
