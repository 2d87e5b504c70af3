package io.pbxhooks.server.delivery;

import static io.pbxhooks.server.delivery.CallEvents.INBOUND_CALL_ANSWERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.delivery.CallEvents.Mapped;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A producer that knows the payload type only through server reflection, as {@code buf curl} does: the Hosted PBX
 * {@code CallEvent} resolves by name, and a JSON event whose payload names it in {@code "@type"} is accepted and delivered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReflectedPayloadTest {

    private static final String CALL_EVENT = "pbxhooks.hostedpbx.v1.CallEvent";

    private final DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase();
    private final Receiver receiver = new Receiver();

    @AfterAll
    void stop() throws Exception {
        servers.close();
        receiver.close();
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aJsonEventTypedThroughReflectionIsAcceptedAndDelivered(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestAccount account = harness.newAccount();
        String prefix = "/" + account.id() + "/";
        harness.create(account, Integration.newBuilder().setName("answered").setType("webhook").setTriggerServiceType(CallEvents.HOSTED_PBX)
                .setTriggerEvent(INBOUND_CALL_ANSWERED)
                .setWebhook(Webhook.newBuilder().setRequestUrl(receiver.url(prefix + "answered")).setMethod(Webhook.Method.POST)
                        .setFormat(Webhook.Format.JSON))
                .addFieldMappings(new Mapped("call", "call_uuid", null).mapping())
                .addFieldMappings(new Mapped("from", "source_number", null).mapping())
                .addFieldMappings(new Mapped("agent", "name", null).mapping()));

        ReflectedSchemas schemas = new ReflectedSchemas(harness.api().channel());
        Descriptor callEvent = schemas.message(CALL_EVENT);
        Descriptor publishRequest = schemas.message("pbxhooks.ingest.v1.PublishRequest");
        String callUuid = CallEvents.newCallUuid();
        String json = """
                {"event_id": "reflected-%s", "account_id": "%s", "service_type": "hosted-pbx",
                 "occurred_at": "2026-11-29T02:24:05.123Z",
                 "payload": {"@type": "type.googleapis.com/%s", "kind": "CALL_ANSWERED", "direction": "INBOUND",
                             "answer_method": "DIRECT", "call_uuid": "%s", "source_number": "+61491570156",
                             "destination_number": "+61255501000", "extension": {"number": "0042", "name": "Zoë Nguyen"}}}
                """.formatted(UUID.randomUUID(), account.id(), CALL_EVENT, callUuid);

        assertThrows(InvalidProtocolBufferException.class, () -> JsonFormat.parser().merge(json, DynamicMessage.newBuilder(publishRequest)),
                "without the reflected type the payload cannot be read");
        DynamicMessage.Builder request = DynamicMessage.newBuilder(publishRequest);
        JsonFormat.parser().usingTypeRegistry(TypeRegistry.newBuilder().add(callEvent).build()).merge(json, request);

        PublishResponse response = harness.publishOne(account, PublishRequest.parseFrom(request.build().toByteArray()));
        assertEquals(PublishResponse.Outcome.ACCEPTED, response.getOutcome(), response::toString);
        assertEquals(1, response.getDeliveries(), response::toString);
        LoggedRequest delivered = receiver.awaitRequests(prefix, 1).get(0);
        assertEquals(HttpRequests.json(List.of(new Mapped("call", "call_uuid", callUuid), new Mapped("from", "source_number", "+61491570156"),
                new Mapped("agent", "name", "Zoë Nguyen"))), new String(delivered.getBody(), StandardCharsets.UTF_8));
    }
}
