package io.pbxhooks.admin.error;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;

/**
 * Closes a call with the status {@link ErrorStatuses} derives from whatever its handler (or an inner
 * interceptor) throws, so service methods simply throw {@link AdminException}s. Apply it outermost.
 */
public final class ErrorMappingInterceptor implements ServerInterceptor {

    @Override
    public <RequestT, ResponseT> ServerCall.Listener<RequestT> interceptCall(
            ServerCall<RequestT, ResponseT> call, Metadata headers, ServerCallHandler<RequestT, ResponseT> next) {
        ServerCall.Listener<RequestT> delegate;
        try {
            delegate = next.startCall(call, headers);
        } catch (RuntimeException failure) {
            close(call, failure);
            return new ServerCall.Listener<>() {
            };
        }
        return new SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onMessage(RequestT message) {
                try {
                    super.onMessage(message);
                } catch (RuntimeException failure) {
                    close(call, failure);
                }
            }

            @Override
            public void onHalfClose() {
                // Unary handlers run here.
                try {
                    super.onHalfClose();
                } catch (RuntimeException failure) {
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
