package io.pbxhooks.hostedpbx;

import static io.pbxhooks.hostedpbx.HostedPbxEvents.INBOUND_CALL_ANSWERED;
import static io.pbxhooks.hostedpbx.HostedPbxEvents.INBOUND_CALL_RECEIVED;
import static io.pbxhooks.hostedpbx.HostedPbxEvents.IVR_CALL_RECEIVED;
import static io.pbxhooks.hostedpbx.HostedPbxEvents.IVR_OPTION_SELECTED;
import static io.pbxhooks.hostedpbx.HostedPbxEvents.OUTBOUND_CALL_PLACED;

import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.hostedpbx.v1.CallEvent.AnswerMethod;
import io.pbxhooks.hostedpbx.v1.CallEvent.Direction;
import io.pbxhooks.hostedpbx.v1.CallEvent.Extension;
import io.pbxhooks.hostedpbx.v1.CallEvent.Extension.CallCategory;
import io.pbxhooks.hostedpbx.v1.CallEvent.Ivr;
import io.pbxhooks.hostedpbx.v1.CallEvent.Kind;
import io.pbxhooks.hostedpbx.v1.CallEvent.Service;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A call event that fires each Hosted PBX event, as a PBX in Sydney would publish it, with every value its event
 * has. The numbers are from the ranges the Australian regulator (ACMA) keeps for fiction, so none rings anyone.
 */
final class SampleCalls {

    static final String CALLER = "+61491570156";
    static final String MAIN_NUMBER = "+61255501000";
    static final String EXTENSION_NUMBER = "0042";
    static final String EXTENSION_DIRECT_NUMBER = "+61255501042";
    static final String CALLED_CUSTOMER = "+61370101234";

    private SampleCalls() {
    }

    /** The sample call event that fires {@code eventType}, or empty for an event not of the catalogue. */
    static Optional<CallEvent> firing(String eventType, Instant occurredAt) {
        return Optional.ofNullable(switch (eventType) {
            case INBOUND_CALL_RECEIVED -> inbound(Kind.CALL_STARTED, occurredAt).build();
            case INBOUND_CALL_ANSWERED -> inbound(Kind.CALL_ANSWERED, occurredAt).setAnswerMethod(AnswerMethod.DIRECT)
                    .setExtension(extension()).build();
            case OUTBOUND_CALL_PLACED -> call(Kind.CALL_STARTED, Direction.OUTBOUND, occurredAt)
                    .setSourceNumber(EXTENSION_DIRECT_NUMBER).setDestinationNumber(CALLED_CUSTOMER).setExtension(extension()).build();
            case IVR_CALL_RECEIVED -> inbound(Kind.IVR_ENTERED, occurredAt).setIvr(Ivr.newBuilder().setName("Main Menu")).build();
            case IVR_OPTION_SELECTED -> inbound(Kind.IVR_OPTION_SELECTED, occurredAt)
                    .setIvr(Ivr.newBuilder().setName("Main Menu").setOptionSelected("2")).build();
            default -> null;
        });
    }

    /**
     * The call's UUID is derived from the instant, so each test send is a call of its own (never held up behind an
     * earlier one) and the same instant always gives the same sample.
     */
    static String callUuid(Instant occurredAt) {
        return UUID.nameUUIDFromBytes(("pbxhooks sample call " + occurredAt).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static CallEvent.Builder inbound(Kind kind, Instant occurredAt) {
        return call(kind, Direction.INBOUND, occurredAt).setSourceNumber(CALLER).setDestinationNumber(MAIN_NUMBER);
    }

    private static CallEvent.Builder call(Kind kind, Direction direction, Instant occurredAt) {
        return CallEvent.newBuilder()
                .setKind(kind)
                .setDirection(direction)
                .setService(Service.newBuilder()
                        .setUuid("8d2f6c0e-4b1a-4f3e-9c7d-2a5b6e8f1c30")
                        .setName("harbourview-pbx")
                        .setFriendlyName("Harbourview Dental, Sydney"))
                .setCallUuid(callUuid(occurredAt));
    }

    private static Extension extension() {
        return Extension.newBuilder()
                .setNumber(EXTENSION_NUMBER)
                .setName("Olivia Nguyen")
                .setOutboundPhoneNumber(EXTENSION_DIRECT_NUMBER)
                .setHasVoicemail(true)
                .addEnabledCalls(CallCategory.LOCAL)
                .addEnabledCalls(CallCategory.NATIONAL)
                .addEnabledCalls(CallCategory.MOBILE)
                .build();
    }
}
