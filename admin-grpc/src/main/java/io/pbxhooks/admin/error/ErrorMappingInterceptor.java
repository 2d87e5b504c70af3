package io.pbxhooks.admin.error;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;

/**
 * Closes a call with the status {@link ErrorStatuses} derives from whatever its handler (or an inner
 * interceptor) throws, so service methods simply throw {@link AdminException}s. Apply it outermost, on services whose
 * requests are parsed inside the call ({@code ServerInterceptors.useInputStreamMessages}), so that a request that does
 * not parse is mapped too (INVALID_ARGUMENT rather than grpc-java's UNKNOWN).
 */
public final class ErrorMappingInterceptor implements ServerInterceptor {

    @Override
    public <RequestT, ResponseT> ServerCall.Listener<RequestT> interceptCall(
            ServerCall<RequestT, ResponseT> call, Metadata headers, ServerCallHandler<RequestT, ResponseT> next) {
        ServerCall<RequestT, ResponseT> mapped = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                Optional<MalformedRequestException> clientError = ErrorStatuses.wrongRequestCount(status, getMethodDescriptor().getFullMethodName());
                if (clientError.isEmpty()) {
                    super.close(status, trailers);
                    return;
                }
                StatusRuntimeException mapped = ErrorStatuses.toStatusRuntimeException(clientError.get(), getMethodDescriptor().getFullMethodName());
                trailers.merge(mapped.getTrailers());
                super.close(mapped.getStatus(), trailers);
            }
        };
        ServerCall.Listener<RequestT> delegate;
        try {
            delegate = next.startCall(mapped, headers);
        } catch (RuntimeException failure) {
            close(call, failure);
            return new ServerCall.Listener<>() {
            };
        }
        return new SimpleForwardingServerCallListener<>(delegate) {
            /** Set once a failure closed the call: the handler gets nothing more (gRPC calls a listener one callback at a time). */
            private boolean closed;

            @Override
            public void onMessage(RequestT message) {
                if (closed) {
                    return;
                }
                try {
                    super.onMessage(message);
                } catch (RuntimeException failure) {
                    closed = true;
                    close(call, failure);
                }
            }

            @Override
            public void onHalfClose() {
                // Unary handlers run here.
                if (closed) {
                    return;
                }
                try {
                    super.onHalfClose();
                } catch (RuntimeException failure) {
                    closed = true;
                    close(call, failure);
                }
            }
        };
    }

    private static void close(ServerCall<?, ?> call, RuntimeException failure) {
        StatusRuntimeException status = ErrorStatuses.toStatusRuntimeException(failure, call.getMethodDescriptor().getFullMethodName());
        call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
    }
}
