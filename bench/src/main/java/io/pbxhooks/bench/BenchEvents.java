package io.pbxhooks.bench;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import io.pbxhooks.hostedpbx.HostedPbxTrigger;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.model.FieldMapping;
import io.pbxhooks.model.Payload;
import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.spi.MalformedEventException;
import io.pbxhooks.spi.RawEvent;
import java.time.Instant;
import java.util.List;

/**
 * The one kind of event the benchmark publishes — an inbound call answered — and the payload its integrations send:
 * the call's id ({@code bench-<sequence>}, which the receiver reads back), the time, caller, called number and the
 * answering extension.
 */
final class BenchEvents {

    static final String SERVICE_TYPE = "hosted-pbx";
    static final String ANSWERED = "inbound_call_answered";
    static final List<String> ALL_EVENT_TYPES = List.of("inbound_call_received", ANSWERED, "outbound_call_placed",
            "ivr_call_received", "ivr_option_selected");
    /** requestKey → field of the hosted-pbx trigger. */
    static final List<FieldMapping> MAPPINGS = List.of(new FieldMapping("call", "call_uuid"), new FieldMapping("when", "date_time"),
            new FieldMapping("from", "source_number"), new FieldMapping("to", "destination_number"),
            new FieldMapping("extension", "extension_number"), new FieldMapping("name", "name"));

    private BenchEvents() {
    }

    static CallEvent call(long sequence) {
        return CallEvent.newBuilder().setKind(CallEvent.Kind.CALL_ANSWERED).setDirection(CallEvent.Direction.INBOUND)
                .setCallUuid("bench-" + sequence).setSourceNumber("+61491570156").setDestinationNumber("+61255501000")
                .setAnswerMethod(CallEvent.AnswerMethod.DIRECT)
                .setService(CallEvent.Service.newBuilder().setUuid("3f1c9a52-7d1e-4c2b-9a0e-5b8d7c6e4f21").setName("pbx-main")
                        .setFriendlyName("Head office"))
                .setExtension(CallEvent.Extension.newBuilder().setNumber("0042").setName("Zoë Nguyen").setOutboundPhoneNumber("+61255501042"))
                .build();
    }

    static PublishRequest publish(String runId, String accountId, long sequence) {
        Instant now = Instant.now();
        return PublishRequest.newBuilder().setEventId(runId + "-" + sequence).setAccountId(accountId).setServiceType(SERVICE_TYPE)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setPayload(Any.pack(call(sequence))).build();
    }

    /** The payload the server renders for event {@code sequence}, made by the same trigger plugin. */
    static Payload payload(long sequence) {
        try {
            TriggerEvent event = new HostedPbxTrigger().classify(new RawEvent("e-" + sequence, "a", SERVICE_TYPE, Instant.now(),
                    CallEvent.getDescriptor().getFullName(), call(sequence).toByteArray())).orElseThrow();
            return Payload.of(event, MAPPINGS);
        } catch (MalformedEventException e) {
            throw new IllegalStateException(e);
        }
    }
}
