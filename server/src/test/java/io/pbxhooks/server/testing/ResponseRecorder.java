package io.pbxhooks.server.testing;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps, as text, all that the server sent back: response headers, every response message, and every status
 * with its trailers and its decoded {@code google.rpc.Status} details. Tests grep it for secrets.
 */
public final class ResponseRecorder implements ClientInterceptor {

    /** One reply of the server: the method it answered and what it said. */
    public record Reply(String method, String text) {
    }

    private final List<Reply> replies = new ArrayList<>();

    public synchronized List<Reply> replies() {
        return List.copyOf(replies);
    }

    private synchronized void record(MethodDescriptor<?, ?> method, String text) {
        replies.add(new Reply(method.getBareMethodName(), text));
    }

    @Override
    public <RequestT, ResponseT> ClientCall<RequestT, ResponseT> interceptCall(
            MethodDescriptor<RequestT, ResponseT> method, CallOptions options, Channel next) {
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<ResponseT> listener, Metadata requestHeaders) {
                super.start(new SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onHeaders(Metadata headers) {
                        record(method, "headers " + headers);
                        super.onHeaders(headers);
                    }

                    @Override
                    public void onMessage(ResponseT message) {
                        record(method, "message " + message);
                        super.onMessage(message);
                    }

                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        StringBuilder text = new StringBuilder("status ").append(status).append(" trailers ").append(trailers);
                        com.google.rpc.Status details = StatusProto.fromStatusAndTrailers(status, trailers);
                        if (details != null) {
                            text.append(" rpc-status ").append(details.getMessage());
                            details.getDetailsList().forEach(detail -> text.append(' ').append(decoded(detail)));
                        }
                        record(method, text.toString());
                        super.onClose(status, trailers);
                    }
                }, requestHeaders);
            }
        };
    }

    private static String decoded(Any detail) {
        try {
            for (Class<? extends Message> type : List.of(BadRequest.class, ErrorInfo.class)) {
                if (detail.is(type)) {
                    return detail.unpack(type).toString();
                }
            }
            return detail.toString();
        } catch (InvalidProtocolBufferException broken) {
            throw new AssertionError("undecodable status detail " + detail.getTypeUrl(), broken);
        }
    }
}
