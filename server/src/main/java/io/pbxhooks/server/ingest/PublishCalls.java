package io.pbxhooks.server.ingest;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.function.IntSupplier;

/**
 * Makes ingest calls safe to answer from several threads, and lets a {@code Publish} stream answer its outstanding
 * events before it is closed. A stream sends its responses from the threads that commit its events while the gRPC thread
 * may close the call at the same moment (the error mapping, on a malformed message): grpc-java calls are not
 * thread-safe, and interleaving the two breaks the HTTP/2 connection for every call on it. Here every outbound operation
 * takes one lock, those after the close are dropped, and a close that comes while the stream still has events to answer
 * waits until they are answered. Apply it outermost.
 */
public final class PublishCalls implements ServerInterceptor {

    /** The current call, for the stream handler. */
    static final Context.Key<HeldCloseCall<?, ?>> CURRENT = Context.key("pbxhooks-publish-call");

    @Override
    public <RequestT, ResponseT> ServerCall.Listener<RequestT> interceptCall(
            ServerCall<RequestT, ResponseT> call, Metadata headers, ServerCallHandler<RequestT, ResponseT> next) {
        HeldCloseCall<RequestT, ResponseT> held = new HeldCloseCall<>(call);
        return Contexts.interceptCall(Context.current().withValue(CURRENT, held), held, headers, next);
    }

    static final class HeldCloseCall<RequestT, ResponseT> extends SimpleForwardingServerCall<RequestT, ResponseT> {

        private IntSupplier unanswered = () -> 0;
        private boolean headersSent;
        private boolean closed;
        private Status heldStatus;
        private Metadata heldTrailers;

        HeldCloseCall(ServerCall<RequestT, ResponseT> call) {
            super(call);
        }

        /** A close waits while {@code unanswered} (read without locks) is above zero, until {@link #answered}. */
        synchronized void holdCloseWhile(IntSupplier unanswered) {
            this.unanswered = unanswered;
        }

        /** The stream has answered what it had: a close that waited happens now. */
        synchronized void answered() {
            if (heldStatus != null && !closed) {
                closed = true;
                super.close(heldStatus, heldTrailers);
            }
        }

        /**
         * Sends the response headers before the stream reads its first event; the stub's own, with the first response,
         * are then left out. gRPC ends a stream whose message is over the size limit or cannot be decompressed itself,
         * at once and without the application: before any headers were sent it writes trailers that finish the HTTP/2
         * stream, and response headers written after that, from a commit that completes meanwhile, are an error of the
         * whole connection (GOAWAY), failing every call on it. With the headers already sent, gRPC resets the stream
         * instead, and what is written after that is dropped.
         */
        synchronized void sendHeadersNow() {
            sendHeaders(new Metadata());
        }

        @Override
        public synchronized void sendHeaders(Metadata headers) {
            if (!closed && !headersSent) {
                headersSent = true;
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
            if (!closed && heldStatus == null) {
                super.request(count);
            }
        }

        @Override
        public synchronized void close(Status status, Metadata trailers) {
            if (closed) {
                return;
            }
            if (unanswered.getAsInt() > 0) {
                if (heldStatus == null) {
                    heldStatus = status;
                    heldTrailers = trailers;
                }
                return;
            }
            // The stream itself ends the call only with nothing left to answer: its status (an earlier event that
            // could not be stored, a shutdown) goes before one held since.
            closed = true;
            super.close(status, trailers);
        }

        @Override
        public synchronized boolean isReady() {
            return !closed && super.isReady();
        }
    }
}
