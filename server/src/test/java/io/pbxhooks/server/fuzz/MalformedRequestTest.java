package io.pbxhooks.server.fuzz;

import static io.pbxhooks.server.testing.AdminTestServer.OPERATOR_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc;
import io.pbxhooks.admin.v1.ListAccountsRequest;
import io.pbxhooks.admin.v1.AccountServiceGrpc;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests that are not messages of the method's type, found by {@link GrpcFuzzTest}: INVALID_ARGUMENT with the reason
 * MALFORMED_REQUEST (gRPC itself answers UNKNOWN for bytes that do not parse, and INTERNAL for a unary call without
 * exactly one request, as if the server had failed).
 */
class MalformedRequestTest {

    private static AdminTestServer api;
    private static String adminKey;
    private static String producerKey;
    private static RawCalls calls;

    @BeforeAll
    static void start() {
        api = AdminTestServer.start(TestDatabase.Kind.H2);
        adminKey = api.createAccountWithAdmin("acme");
        producerKey = api.createKey("acme", ApiKey.Role.PRODUCER).getSecret();
        calls = new RawCalls(api.server().channel());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void aStringThatIsNotUtf8IsAMalformedRequest() throws Exception {
        byte[] request = CreateIntegrationRequest.newBuilder().setIntegration(FuzzTargets.integration("https://crm.example.com/hooks")
                .setName("NAME")).build().toByteArray();
        replace(request, "NAME", new byte[] {(byte) 0xC0, (byte) 0x80, 'x', 'x'});
        RawCalls.Outcome outcome = unary(IntegrationServiceGrpc.getCreateIntegrationMethod(), adminKey, List.of(request));
        assertMalformed(outcome, "invalid UTF-8");
        assertEquals(0, api.server().queryForLong("SELECT COUNT(*) FROM integrations"));
    }

    @Test
    void bytesOfNoMessageAreAMalformedRequest() throws Exception {
        byte[] garbage = {(byte) 0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 0x01};
        assertMalformed(unary(EventIngestServiceGrpc.getPublishOneMethod(), producerKey, List.of(garbage)), "");
        assertMalformed(unary(AccountServiceGrpc.getListAccountsMethod(), OPERATOR_KEY, List.of(garbage)), "");
    }

    @Test
    void aUnaryCallWithoutExactlyOneRequestIsAMalformedRequest() throws Exception {
        byte[] valid = ListAccountsRequest.getDefaultInstance().toByteArray();
        assertMalformed(unary(AccountServiceGrpc.getListAccountsMethod(), OPERATOR_KEY, List.of()), "exactly one request message, not none");
        assertMalformed(unary(AccountServiceGrpc.getListAccountsMethod(), OPERATOR_KEY, List.of(valid, valid)),
                "exactly one request message, not several");
    }

    @Test
    void aMalformedEventEndsItsStreamAfterTheEventsBeforeItWereAcknowledged() throws Exception {
        byte[] valid = FuzzTargets.event("acme", "before-the-malformed-one").toByteArray();
        RawCalls.Outcome outcome = calls.call(EventIngestServiceGrpc.getPublishMethod().getFullMethodName(),
                MethodDescriptor.MethodType.BIDI_STREAMING, List.of(valid, new byte[] {(byte) 0xff, (byte) 0xff}), "Bearer " + producerKey);
        assertMalformed(outcome, "");
        assertEquals(1, outcome.responses().size());
        assertEquals(PublishResponse.Outcome.ACCEPTED, PublishResponse.parseFrom(outcome.responses().get(0)).getOutcome());
    }

    /**
     * gRPC itself ends a stream whose next message is over the size limit, at once, while the events before it are still
     * being committed; their responses must not then be written on the finished HTTP/2 stream, which is an error of the
     * whole connection (GOAWAY) that would fail every other call on it.
     */
    @Test
    void aMessageOverTheSizeLimitEndsItsStreamWithoutBreakingTheConnectionItShares() throws Exception {
        BlockingQueue<Object> bystanderAnswers = new LinkedBlockingQueue<>();
        StreamObserver<PublishRequest> bystander = api.ingestStream(producerKey).publish(new StreamObserver<>() {
            @Override
            public void onNext(PublishResponse response) {
                bystanderAnswers.add(response);
            }

            @Override
            public void onError(Throwable failure) {
                bystanderAnswers.add(failure);
            }

            @Override
            public void onCompleted() {
                bystanderAnswers.add("completed");
            }
        });
        bystander.onNext(FuzzTargets.event("acme", "bystander-before"));
        assertInstanceOf(PublishResponse.class, bystanderAnswers.poll(10, TimeUnit.SECONDS));

        for (int round = 0; round < 20; round++) {
            byte[] valid = FuzzTargets.event("acme", "before-the-oversized-one-" + round).toByteArray();
            byte[] oversized = new byte[1024 * 1024 + 1];
            RawCalls.Outcome outcome = calls.call(EventIngestServiceGrpc.getPublishMethod().getFullMethodName(),
                    MethodDescriptor.MethodType.BIDI_STREAMING, List.of(valid, valid, oversized), "Bearer " + producerKey);
            assertTrue(outcome.status().getCode() == Status.Code.RESOURCE_EXHAUSTED || outcome.status().getCode() == Status.Code.CANCELLED,
                    outcome.status()::toString);
        }

        bystander.onNext(FuzzTargets.event("acme", "bystander-after"));
        Object answer = bystanderAnswers.poll(10, TimeUnit.SECONDS);
        assertInstanceOf(PublishResponse.class, answer, () -> "the other stream on the connection got " + answer);
        bystander.onCompleted();
        assertEquals("completed", bystanderAnswers.poll(10, TimeUnit.SECONDS));
    }

    private static RawCalls.Outcome unary(MethodDescriptor<?, ?> method, String key, List<byte[]> requests) throws Exception {
        return calls.call(method.getFullMethodName(), MethodDescriptor.MethodType.UNARY, requests, "Bearer " + key);
    }

    private static void assertMalformed(RawCalls.Outcome outcome, String detail) throws Exception {
        assertEquals(Status.Code.INVALID_ARGUMENT, outcome.status().getCode(), outcome.status()::toString);
        assertTrue(outcome.status().getDescription().startsWith("malformed request to "), outcome.status()::toString);
        assertTrue(outcome.status().getDescription().contains(detail), outcome.status()::toString);
        com.google.rpc.Status details = StatusProto.fromStatusAndTrailers(outcome.status(), outcome.trailers());
        ErrorInfo info = null;
        for (Any detailMessage : details.getDetailsList()) {
            if (detailMessage.is(ErrorInfo.class)) {
                info = detailMessage.unpack(ErrorInfo.class);
            }
        }
        assertEquals("MALFORMED_REQUEST", info == null ? null : info.getReason(), details::toString);
    }

    private static void replace(byte[] bytes, String marker, byte[] replacement) {
        byte[] search = marker.getBytes(StandardCharsets.US_ASCII);
        for (int start = 0; start <= bytes.length - search.length; start++) {
            boolean found = true;
            for (int index = 0; index < search.length && found; index++) {
                found = bytes[start + index] == search[index];
            }
            if (found) {
                System.arraycopy(replacement, 0, bytes, start, replacement.length);
                return;
            }
        }
        throw new IllegalArgumentException(marker + " not found");
    }
}
