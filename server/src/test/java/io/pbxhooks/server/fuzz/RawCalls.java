package io.pbxhooks.server.fuzz;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Calls any gRPC method with raw bytes as its request messages (a generic marshaller), so that the server gets exactly
 * the bytes a test made, valid or not, and reports what came back.
 */
final class RawCalls {

    /** How a call ended: its status and trailers, and the response messages as bytes. */
    record Outcome(Status status, Metadata trailers, List<byte[]> responses) {
    }

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final long DEADLINE_SECONDS = 20;

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private final Channel channel;

    RawCalls(Channel channel) {
        this.channel = channel;
    }

    /** Sends {@code requests} on one call of {@code fullMethodName} (of {@code type}), then half-closes and waits for the end. */
    Outcome call(String fullMethodName, MethodDescriptor.MethodType type, List<byte[]> requests, String authorization) throws Exception {
        MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(type).setFullMethodName(fullMethodName).setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
        ClientCall<byte[], byte[]> call = channel.newCall(method, CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS));
        List<byte[]> responses = new ArrayList<>();
        CompletableFuture<Outcome> ended = new CompletableFuture<>();
        Metadata headers = new Metadata();
        if (authorization != null) {
            headers.put(AUTHORIZATION, authorization);
        }
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onMessage(byte[] message) {
                synchronized (responses) {
                    responses.add(message);
                }
                call.request(1);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                synchronized (responses) {
                    ended.complete(new Outcome(status, trailers, List.copyOf(responses)));
                }
            }
        }, headers);
        call.request(1);
        for (byte[] request : requests) {
            call.sendMessage(request);
        }
        call.halfClose();
        return ended.get(DEADLINE_SECONDS + 5, TimeUnit.SECONDS);
    }
}
