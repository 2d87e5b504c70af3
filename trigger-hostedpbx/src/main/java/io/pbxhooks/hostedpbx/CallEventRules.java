package io.pbxhooks.hostedpbx;

import static io.pbxhooks.hostedpbx.HostedPbxCatalogue.PAYLOAD_TYPE;

import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.hostedpbx.v1.CallEvent.AnswerMethod;
import io.pbxhooks.hostedpbx.v1.CallEvent.Direction;
import io.pbxhooks.hostedpbx.v1.CallEvent.Kind;
import io.pbxhooks.spi.MalformedEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which trigger event a call event fires, if any. A {@code **} pickup is an internal outbound call to the
 * PBX, so like every internal call it fires nothing: never Inbound Call Answered, never Outbound Call Placed.
 */
final class CallEventRules {

    private static final String KINDS = "CALL_STARTED, CALL_ANSWERED, IVR_ENTERED or IVR_OPTION_SELECTED";
    private static final String DIRECTIONS = "INBOUND, OUTBOUND or INTERNAL";
    /** Deliveries of one call are ordered by its id, which the host keeps up to 200 characters. */
    static final int MAX_CALL_UUID_LENGTH = 128;

    private CallEventRules() {
    }

    static Optional<String> eventTypeOf(CallEvent call) throws MalformedEventException {
        requireWellFormed(call);
        if (call.getDirection() == Direction.INTERNAL || (isCall(call.getKind()) && call.getAnswerMethod() == AnswerMethod.PICKUP)) {
            return Optional.empty();
        }
        boolean inbound = call.getDirection() == Direction.INBOUND;
        return switch (call.getKind()) {
            case CALL_STARTED -> Optional.of(inbound ? HostedPbxEvents.INBOUND_CALL_RECEIVED : HostedPbxEvents.OUTBOUND_CALL_PLACED);
            // An outbound call being answered is the far end picking up: no event of the catalogue.
            case CALL_ANSWERED -> inbound ? Optional.of(HostedPbxEvents.INBOUND_CALL_ANSWERED) : Optional.empty();
            case IVR_ENTERED -> Optional.of(HostedPbxEvents.IVR_CALL_RECEIVED);
            case IVR_OPTION_SELECTED -> Optional.of(HostedPbxEvents.IVR_OPTION_SELECTED);
            case KIND_UNSPECIFIED, UNRECOGNIZED -> throw new IllegalStateException("kind was checked: " + call.getKind());
        };
    }

    /** Reports every problem at once, so a producer can fix them in one go. */
    private static void requireWellFormed(CallEvent call) throws MalformedEventException {
        List<String> problems = new ArrayList<>();
        Kind kind = call.getKind();
        if (kind == Kind.KIND_UNSPECIFIED) {
            problems.add("kind is not set (expected " + KINDS + ")");
        } else if (kind == Kind.UNRECOGNIZED) {
            problems.add("kind " + call.getKindValue() + " is unknown (expected " + KINDS + ")");
        }
        if (call.getCallUuid().isBlank()) {
            problems.add("call_uuid is empty");
        } else if (call.getCallUuid().length() > MAX_CALL_UUID_LENGTH) {
            problems.add("call_uuid is " + call.getCallUuid().length() + " characters long, more than " + MAX_CALL_UUID_LENGTH);
        }
        if (call.getDirection() == Direction.UNRECOGNIZED) {
            problems.add("direction " + call.getDirectionValue() + " is unknown (expected " + DIRECTIONS + ")");
        } else if (call.getDirection() == Direction.DIRECTION_UNSPECIFIED && isCall(kind)) {
            problems.add("direction is not set, which " + kind + " needs (expected " + DIRECTIONS + ")");
        }
        if (call.getAnswerMethod() == AnswerMethod.UNRECOGNIZED && isCall(kind)) {
            problems.add("answer_method " + call.getAnswerMethodValue() + " is unknown (expected DIRECT or PICKUP)");
        }
        if ((kind == Kind.IVR_ENTERED || kind == Kind.IVR_OPTION_SELECTED) && call.getIvr().getName().isBlank()) {
            problems.add("ivr.name is empty, which " + kind + " needs");
        }
        if (kind == Kind.IVR_OPTION_SELECTED && call.getIvr().getOptionSelected().isBlank()) {
            problems.add("ivr.option_selected is empty, which " + kind + " needs");
        }
        if (!problems.isEmpty()) {
            throw new MalformedEventException(PAYLOAD_TYPE + " is malformed: " + String.join("; ", problems));
        }
    }

    /** The kinds that must say which way the call goes and whose answer method is read. */
    private static boolean isCall(Kind kind) {
        return kind == Kind.CALL_STARTED || kind == Kind.CALL_ANSWERED;
    }
}
