package io.pbxhooks.server.delivery;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import io.pbxhooks.admin.v1.FieldMapping;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.hostedpbx.v1.CallEvent.AnswerMethod;
import io.pbxhooks.hostedpbx.v1.CallEvent.Direction;
import io.pbxhooks.hostedpbx.v1.CallEvent.Extension;
import io.pbxhooks.hostedpbx.v1.CallEvent.Extension.CallCategory;
import io.pbxhooks.hostedpbx.v1.CallEvent.Ivr;
import io.pbxhooks.hostedpbx.v1.CallEvent.Kind;
import io.pbxhooks.hostedpbx.v1.CallEvent.Service;
import io.pbxhooks.ingest.v1.PublishRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hosted PBX call events that fire each of the five trigger events, with every value the event has, and — written
 * out independently of the trigger plugin — the payload an integration mapping all of those fields must receive.
 * Values carry spaces, {@code &}, {@code +}, an apostrophe and non-ASCII text, so that encodings show.
 */
final class CallEvents {

    static final String HOSTED_PBX = "hosted-pbx";
    static final String INBOUND_CALL_RECEIVED = "inbound_call_received";
    static final String INBOUND_CALL_ANSWERED = "inbound_call_answered";
    static final String OUTBOUND_CALL_PLACED = "outbound_call_placed";
    static final String IVR_CALL_RECEIVED = "ivr_call_received";
    static final String IVR_OPTION_SELECTED = "ivr_option_selected";
    static final List<String> ALL_EVENTS = List.of(INBOUND_CALL_RECEIVED, INBOUND_CALL_ANSWERED, OUTBOUND_CALL_PLACED,
            IVR_CALL_RECEIVED, IVR_OPTION_SELECTED);

    static final Instant OCCURRED_AT = Instant.parse("2026-11-29T02:24:05.123Z");

    private static final Service SERVICE = Service.newBuilder().setUuid("3f1c9a52-7d1e-4c2b-9a0e-5b8d7c6e4f21")
            .setName("harbourview-pbx").setFriendlyName("Harbourview Dental & Co, Sydney").build();
    private static final String CALLER = "+61491570156";
    private static final String MAIN_NUMBER = "+61255501000";
    private static final String CALLED_CUSTOMER = "+61370101234";

    /** One field mapping of the test integrations and the value the event gives it (a String or a Boolean). */
    record Mapped(String requestKey, String field, Object value) {
        FieldMapping mapping() {
            return FieldMapping.newBuilder().setRequestKey(requestKey).setField(field).build();
        }
    }

    private CallEvents() {
    }

    static String newCallUuid() {
        return UUID.randomUUID().toString();
    }

    /** The call event of call {@code callUuid} that fires {@code eventType}. */
    static CallEvent firing(String eventType, String callUuid) {
        return switch (eventType) {
            case INBOUND_CALL_RECEIVED -> inbound(Kind.CALL_STARTED, callUuid).build();
            case INBOUND_CALL_ANSWERED -> inbound(Kind.CALL_ANSWERED, callUuid).setAnswerMethod(AnswerMethod.DIRECT)
                    .setExtension(Extension.newBuilder().setNumber("0042").setName("Zoë Nguyen").setOutboundPhoneNumber("+61255501042")
                            .setHasVoicemail(true).addAllEnabledCalls(List.of(CallCategory.MOBILE, CallCategory.LOCAL, CallCategory.NATIONAL,
                                    CallCategory.MOBILE)))
                    .build();
            case OUTBOUND_CALL_PLACED -> call(Kind.CALL_STARTED, Direction.OUTBOUND, callUuid).setSourceNumber("+61255501107")
                    .setDestinationNumber(CALLED_CUSTOMER)
                    .setExtension(Extension.newBuilder().setNumber("0107").setName("Liam O'Brien").setOutboundPhoneNumber("+61255501107")
                            .setHasVoicemail(false).addAllEnabledCalls(List.of(CallCategory.OTHER, CallCategory.INTERNATIONAL_OTHER,
                                    CallCategory.INTERNATIONAL, CallCategory.PREMIUM)))
                    .build();
            case IVR_CALL_RECEIVED -> inbound(Kind.IVR_ENTERED, callUuid).setIvr(Ivr.newBuilder().setName("Main Menu")).build();
            case IVR_OPTION_SELECTED -> ivrOption(callUuid, "2");
            default -> throw new IllegalArgumentException(eventType);
        };
    }

    static CallEvent ivrOption(String callUuid, String option) {
        return inbound(Kind.IVR_OPTION_SELECTED, callUuid).setIvr(Ivr.newBuilder().setName("Main Menu").setOptionSelected(option)).build();
    }

    /** A user answers an inbound call by dialling the {@code **} pickup code. */
    static CallEvent pickup(String callUuid) {
        return firing(INBOUND_CALL_ANSWERED, callUuid).toBuilder().setAnswerMethod(AnswerMethod.PICKUP).build();
    }

    /**
     * Every field {@link #firing} gives {@code eventType}, each under a request key an admin might choose, in reverse
     * catalogue order (so that mapping order, not catalogue order, shows in the payload).
     */
    static List<Mapped> fullPayload(String eventType, String callUuid) {
        List<Mapped> fields = new ArrayList<>();
        if (eventType.equals(IVR_OPTION_SELECTED)) {
            fields.add(new Mapped("pressed", "option_selected", "2"));
        }
        if (eventType.equals(IVR_CALL_RECEIVED) || eventType.equals(IVR_OPTION_SELECTED)) {
            fields.add(new Mapped("ivr", "ivr_name", "Main Menu"));
        }
        boolean outbound = eventType.equals(OUTBOUND_CALL_PLACED);
        fields.add(new Mapped("call", "call_uuid", callUuid));
        fields.add(new Mapped("to", "destination_number", outbound ? CALLED_CUSTOMER : MAIN_NUMBER));
        fields.add(new Mapped("from", "source_number", outbound ? "+61255501107" : CALLER));
        fields.add(new Mapped("service_label", "service_friendly_name", "Harbourview Dental & Co, Sydney"));
        fields.add(new Mapped("service_name", "service_name", "harbourview-pbx"));
        fields.add(new Mapped("service", "service_uuid", "3f1c9a52-7d1e-4c2b-9a0e-5b8d7c6e4f21"));
        fields.add(new Mapped("when", "date_time", "2026-11-29T02:24:05.123Z"));
        if (eventType.equals(INBOUND_CALL_ANSWERED)) {
            fields.add(new Mapped("may_call", "enabled_calls", "Local,National,Mobile"));
            fields.add(new Mapped("voicemail", "has_voicemail", true));
            fields.add(new Mapped("agent_number", "outbound_phone_number", "+61255501042"));
            fields.add(new Mapped("agent", "name", "Zoë Nguyen"));
            fields.add(new Mapped("ext", "extension_number", "0042"));
        } else if (outbound) {
            fields.add(new Mapped("may_call", "enabled_calls", "International,International Other,Premium,Other"));
            fields.add(new Mapped("voicemail", "has_voicemail", false));
            fields.add(new Mapped("agent_number", "outbound_phone_number", "+61255501107"));
            fields.add(new Mapped("agent", "name", "Liam O'Brien"));
            fields.add(new Mapped("ext", "extension_number", "0107"));
        }
        return fields;
    }

    static PublishRequest publish(String accountId, CallEvent call) {
        return publish(accountId, "event-" + UUID.randomUUID(), call);
    }

    static PublishRequest publish(String accountId, String eventId, CallEvent call) {
        return PublishRequest.newBuilder()
                .setEventId(eventId)
                .setAccountId(accountId)
                .setServiceType(HOSTED_PBX)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(OCCURRED_AT.getEpochSecond()).setNanos(OCCURRED_AT.getNano()))
                .setPayload(Any.pack(call))
                .build();
    }

    private static CallEvent.Builder inbound(Kind kind, String callUuid) {
        return call(kind, Direction.INBOUND, callUuid).setSourceNumber(CALLER).setDestinationNumber(MAIN_NUMBER);
    }

    private static CallEvent.Builder call(Kind kind, Direction direction, String callUuid) {
        return CallEvent.newBuilder().setKind(kind).setDirection(direction).setService(SERVICE).setCallUuid(callUuid);
    }
}
