package io.pbxhooks.server.grpc;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.pbxhooks.admin.auth.Caller;
import io.pbxhooks.admin.error.QuotaExceededException;
import io.pbxhooks.server.metrics.PbxhooksMetrics;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code limit} open {@code Publish} streams per API key on this node; one more is refused with RESOURCE_EXHAUSTED
 * ({@link QuotaExceededException}). A stream counts from its start until it completes or is cancelled. Must run inside
 * the authentication (it counts per key) and the error mapping. The streams it lets through are the
 * {@code pbxhooks_ingest_streams_open} gauge.
 */
final class PublishStreamLimit implements ServerInterceptor {

    private final int limit;
    private final PbxhooksMetrics metrics;
    private final ConcurrentMap<String, AtomicInteger> openStreams = new ConcurrentHashMap<>();

    PublishStreamLimit(int limit, PbxhooksMetrics metrics) {
        this.limit = limit;
        this.metrics = metrics;
    }

    @Override
    public <RequestT, ResponseT> ServerCall.Listener<RequestT> interceptCall(
            ServerCall<RequestT, ResponseT> call, Metadata headers, ServerCallHandler<RequestT, ResponseT> next) {
        if (call.getMethodDescriptor().getType() != MethodDescriptor.MethodType.BIDI_STREAMING) {
            return next.startCall(call, headers);
        }
        String keyId = Caller.current().keyId();
        AtomicInteger open = openStreams.computeIfAbsent(keyId, absent -> new AtomicInteger());
        if (open.incrementAndGet() > limit) {
            open.decrementAndGet();
            throw new QuotaExceededException(QuotaExceededException.PUBLISH_STREAMS_PER_KEY, "api_key:" + keyId, "this key already has " + limit
                    + " Publish streams open, the most it may have (pbxhooks.limits.publish-streams-per-key): publish on an open stream or close one");
        }
        metrics.publishStreamOpened();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
                metrics.publishStreamClosed();
            }
        };
        try {
            return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
                @Override
                public void onComplete() {
                    release.run();
                    super.onComplete();
                }

                @Override
                public void onCancel() {
                    release.run();
                    super.onCancel();
                }
            };
        } catch (RuntimeException failure) {
            release.run();
            throw failure;
        }
    }
}
