package io.pbxhooks.server.ingest;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.pbxhooks.admin.auth.Caller;
import io.pbxhooks.admin.port.Principal;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC face of {@link EventIngest}. A stream reads its next event only after the previous one is committed
 * (manual flow control), so a slow database slows the producer down instead of piling events up in memory. While the
 * node shuts down, {@link PublishStreams} ends each stream after the event it is committing.
 */
public class EventIngestGrpcService extends EventIngestServiceGrpc.EventIngestServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(EventIngestGrpcService.class);

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
        PublishStreams.OpenStream stream = streams.open(out);
        out.request(1);
        return new StreamObserver<>() {
            @Override
            public void onNext(PublishRequest request) {
                if (!stream.beginEvent()) {
                    return;
                }
                PublishResponse response;
                try {
                    response = ingest.publish(producer, request);
                } catch (RuntimeException failure) {
                    stream.fail(unavailable(failure));
                    return;
                }
                out.onNext(response);
                stream.eventAnswered();
            }

            @Override
            public void onError(Throwable cancelled) {
                // The producer went away; everything it was told ACCEPTED is committed.
                stream.cancelled();
            }

            @Override
            public void onCompleted() {
                stream.complete();
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

    private static RuntimeException unavailable(RuntimeException failure) {
        LOG.warn("Cannot store an event now: {}", failure.toString());
        return Status.UNAVAILABLE.withDescription("events cannot be stored right now; publish the unacknowledged events again")
                .asRuntimeException();
    }
}
