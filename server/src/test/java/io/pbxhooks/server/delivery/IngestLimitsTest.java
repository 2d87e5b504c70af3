package io.pbxhooks.server.delivery;

import static io.pbxhooks.ingest.v1.PublishResponse.Outcome.ACCEPTED;
import static io.pbxhooks.ingest.v1.PublishResponse.Outcome.REJECTED;
import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operator's limits on event ingest, set low here: the size of an event's payload (REJECTED with the reason), of a
 * whole message (RESOURCE_EXHAUSTED), and the Publish streams a key may have open at once (RESOURCE_EXHAUSTED for one
 * more, until one closes; other keys unaffected).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestLimitsTest {

    private static final int PAYLOAD_BYTES = 1024;
    private static final int REQUEST_BYTES = 16 * 1024;
    private static final int STREAMS = 2;

    private final DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase(limits());

    @AfterAll
    void stop() throws Exception {
        servers.close();
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPayloadUpToTheLimitIsAcceptedAndOneByteMoreIsRejected(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        PublishResponse atTheLimit = harness.publishOne(account, CallEvents.publish(account.id(), callOfPayloadSize(PAYLOAD_BYTES)));
        assertEquals(ACCEPTED, atTheLimit.getOutcome(), atTheLimit::toString);
        PublishResponse over = harness.publishOne(account, CallEvents.publish(account.id(), callOfPayloadSize(PAYLOAD_BYTES + 1)));
        assertEquals(REJECTED, over.getOutcome());
        assertEquals("payload is 1025 bytes; at most 1024 bytes are accepted (pbxhooks.limits.event-payload-bytes)", over.getReason());
        System.out.printf("IngestLimitsTest [%s]: event payload limit %d bytes: %d bytes %s, %d bytes %s: %s%n", database, PAYLOAD_BYTES,
                PAYLOAD_BYTES, atTheLimit.getOutcome(), PAYLOAD_BYTES + 1, over.getOutcome(), over.getReason());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMessageLargerThanTheRequestLimitIsRefusedAndIngestCarriesOn(TestDatabase.Kind database) {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> harness.publishOne(account, CallEvents.publish(account.id(), callOfPayloadSize(REQUEST_BYTES + 1))));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode(), refused::toString);
        PublishResponse next = harness.publishOne(account, CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_RECEIVED, CallEvents.newCallUuid())));
        assertEquals(ACCEPTED, next.getOutcome());
        System.out.printf("IngestLimitsTest [%s]: request limit %d bytes: a larger message got %s; the next event %s%n", database, REQUEST_BYTES,
                refused.getStatus(), next.getOutcome());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aKeyHasAtMostItsLimitOfOpenPublishStreams(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        List<OpenPublishStream> open = new ArrayList<>();
        try {
            for (int index = 0; index < STREAMS; index++) {
                OpenPublishStream stream = new OpenPublishStream(harness.api().ingestStream(account.producerKey()));
                open.add(stream);
                assertEquals(ACCEPTED, stream.publish(anEvent(account)).getOutcome());
            }
            try (OpenPublishStream oneTooMany = new OpenPublishStream(harness.api().ingestStream(account.producerKey()))) {
                assertNull(oneTooMany.publish(anEvent(account)));
                Status refused = oneTooMany.endedWith();
                assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getCode(), refused::toString);
                assertTrue(refused.getDescription().contains("pbxhooks.limits.publish-streams-per-key"), refused::toString);
                System.out.printf("IngestLimitsTest [%s]: %d open publish streams per key: stream %d ended with %s%n", database, STREAMS,
                        STREAMS + 1, refused);
            }
            String otherKey = harness.api().createKey(account.id(), ApiKey.Role.PRODUCER).getSecret();
            try (OpenPublishStream ofAnotherKey = new OpenPublishStream(harness.api().ingestStream(otherKey))) {
                assertEquals(ACCEPTED, ofAnotherKey.publish(anEvent(account)).getOutcome());
            }
            open.remove(0).close();
            PublishResponse afterOneClosed = Eventually.await("a stream in the place of the closed one", () -> {
                try (OpenPublishStream replacement = new OpenPublishStream(harness.api().ingestStream(account.producerKey()))) {
                    return replacement.publish(anEvent(account));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, response -> response != null);
            assertNotNull(afterOneClosed);
            assertEquals(ACCEPTED, open.get(0).publish(anEvent(account)).getOutcome(), "the streams left open still work");
        } finally {
            for (OpenPublishStream stream : open) {
                stream.close();
            }
        }
    }

    private static PublishRequest anEvent(TestAccount account) {
        return CallEvents.publish(account.id(), CallEvents.firing(INBOUND_CALL_RECEIVED, CallEvents.newCallUuid()));
    }

    /** An inbound call whose serialized payload is exactly {@code bytes} long, padded in the service's friendly name. */
    private static CallEvent callOfPayloadSize(int bytes) {
        CallEvent call = CallEvents.firing(INBOUND_CALL_RECEIVED, CallEvents.newCallUuid());
        for (int padding = 0; padding <= bytes; padding++) {
            CallEvent.Builder padded = call.toBuilder();
            padded.getServiceBuilder().setFriendlyName(call.getService().getFriendlyName() + "x".repeat(padding));
            CallEvent candidate = padded.build();
            if (candidate.getSerializedSize() == bytes) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no padding gives a payload of " + bytes + " bytes");
    }

    private static Map<String, Object> limits() {
        Map<String, Object> properties = new HashMap<>(DeliveryHarness.FAST_DELIVERY);
        properties.put("pbxhooks.limits.event-payload-bytes", PAYLOAD_BYTES);
        properties.put("pbxhooks.limits.request-bytes", REQUEST_BYTES);
        properties.put("pbxhooks.limits.publish-streams-per-key", STREAMS);
        return properties;
    }
}
