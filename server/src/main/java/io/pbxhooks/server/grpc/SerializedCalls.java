package io.pbxhooks.server.grpc;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Makes a call safe to answer from several threads. A {@code Publish} stream sends its responses from the threads that
 * commit its events while the gRPC thread may close the call at the same moment (a malformed message, a limit): grpc-java
 * calls are not thread-safe, and interleaving the two breaks the HTTP/2 connection for every call on it. Here every
 * outbound operation takes one lock, and those after the close are dropped. Apply it outermost.
 */
final class SerializedCalls implements ServerInterceptor {

    @Override
    public <RequestT, ResponseT> ServerCall.Listener<RequestT> interceptCall(
            ServerCall<RequestT, ResponseT> call, Metadata headers, ServerCallHandler<RequestT, ResponseT> next) {
        return next.startCall(new SerializedCall<>(call), headers);
    }

    private static final class SerializedCall<RequestT, ResponseT> extends SimpleForwardingServerCall<RequestT, ResponseT> {

        private boolean closed;

        SerializedCall(ServerCall<RequestT, ResponseT> call) {
            super(call);
        }

        @Override
        public synchronized void sendHeaders(Metadata headers) {
            if (!closed) {
                super.sendHeaders(headers);
            }
        }

        @Override
        public synchronized void sendMessage(ResponseT message) {
            if (!closed) {
                super.sendMessage(message);
            }
        }

        @Override
        public synchronized void request(int count) {
            if (!closed) {
                super.request(count);
            }
        }

        @Override
        public synchronized void close(Status status, Metadata trailers) {
            if (!closed) {
                closed = true;
                super.close(status, trailers);
            }
        }

        @Override
        public synchronized boolean isReady() {
            return !closed && super.isReady();
        }
    }
}
