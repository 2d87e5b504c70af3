package io.pbxhooks.admin;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
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

/** Records, as text, everything the server sent back: every response message and every error with its details. */
final class ResponseRecorder implements ClientInterceptor {

    private final List<String> received = new ArrayList<>();

    synchronized List<String> received() {
        return List.copyOf(received);
    }

    private synchronized void record(String text) {
        received.add(text);
    }

    @Override
    public <RequestT, ResponseT> ClientCall<RequestT, ResponseT> interceptCall(
            MethodDescriptor<RequestT, ResponseT> method, CallOptions options, Channel next) {
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<ResponseT> listener, Metadata headers) {
                super.start(new SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onMessage(ResponseT message) {
                        record(method.getFullMethodName() + " " + message);
                        super.onMessage(message);
                    }

                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        record(method.getFullMethodName() + " " + status);
                        com.google.rpc.Status details = StatusProto.fromStatusAndTrailers(status, trailers);
                        if (details != null) {
                            details.getDetailsList().forEach(detail -> record(unpacked(detail)));
                        }
                        super.onClose(status, trailers);
                    }
                }, headers);
            }
        };
    }

    private static String unpacked(Any detail) {
        try {
            if (detail.is(BadRequest.class)) {
                return detail.unpack(BadRequest.class).toString();
            }
            if (detail.is(ErrorInfo.class)) {
                return detail.unpack(ErrorInfo.class).toString();
            }
            return detail.toString();
        } catch (InvalidProtocolBufferException broken) {
            throw new AssertionError(broken);
        }
    }
}
