package io.pbxhooks.hostedpbx;

import static io.pbxhooks.hostedpbx.CallEvents.call;
import static io.pbxhooks.hostedpbx.CallEvents.ivr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.hostedpbx.v1.CallEvent.Direction;
import io.pbxhooks.hostedpbx.v1.CallEvent.Ivr;
import io.pbxhooks.hostedpbx.v1.CallEvent.Kind;
import io.pbxhooks.spi.MalformedEventException;
import io.pbxhooks.spi.RawEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a producer is told when a raw event cannot be classified. */
class MalformedCallEventTest {

    private static final String PREFIX = "pbxhooks.hostedpbx.v1.CallEvent is malformed: ";

    private final HostedPbxTrigger trigger = new HostedPbxTrigger();

    @Test
    void otherPayloadTypesAreRejected() {
        RawEvent event = new RawEvent("event-1", "account-1", "hosted-pbx", CallEvents.OCCURRED_AT, "pbxhooks.other.v1.Event", new byte[0]);
        assertEquals("payload type is \"pbxhooks.other.v1.Event\"; service type hosted-pbx takes pbxhooks.hostedpbx.v1.CallEvent",
                assertThrows(MalformedEventException.class, () -> trigger.classify(event)).getMessage());
    }

    @Test
    void undecodableBytesAreRejected() {
        byte[] truncated = {0x3a, 0x05, 'a'};
        RawEvent event = new RawEvent("event-1", "account-1", "hosted-pbx", CallEvents.OCCURRED_AT, "pbxhooks.hostedpbx.v1.CallEvent", truncated);
        MalformedEventException thrown = assertThrows(MalformedEventException.class, () -> trigger.classify(event));
        assertInstanceOf(InvalidProtocolBufferException.class, thrown.getCause());
        assertEquals("payload is not a valid pbxhooks.hostedpbx.v1.CallEvent: " + thrown.getCause().getMessage(), thrown.getMessage());
    }

    @Test
    void anEmptyPayloadListsEveryProblem() {
        assertMalformed(CallEvent.newBuilder(),
                "kind is not set (expected CALL_STARTED, CALL_ANSWERED, IVR_ENTERED or IVR_OPTION_SELECTED); call_uuid is empty");
    }

    @Test
    void unknownKindIsRejected() {
        assertMalformed(call(Kind.CALL_STARTED, Direction.INBOUND).setKindValue(9),
                "kind 9 is unknown (expected CALL_STARTED, CALL_ANSWERED, IVR_ENTERED or IVR_OPTION_SELECTED)");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"CALL_STARTED", "CALL_ANSWERED"})
    void callsNeedADirection(Kind kind) {
        assertMalformed(call(kind, Direction.DIRECTION_UNSPECIFIED),
                "direction is not set, which " + kind + " needs (expected INBOUND, OUTBOUND or INTERNAL)");
    }

    @Test
    void unknownDirectionIsRejected() {
        assertMalformed(call(Kind.IVR_ENTERED, Direction.INBOUND).setDirectionValue(7).setIvr(ivr("")),
                "direction 7 is unknown (expected INBOUND, OUTBOUND or INTERNAL)");
    }

    @Test
    void unknownAnswerMethodOfACallIsRejected() {
        assertMalformed(call(Kind.CALL_ANSWERED, Direction.INBOUND).setAnswerMethodValue(5),
                "answer_method 5 is unknown (expected DIRECT or PICKUP)");
    }

    @Test
    void callUuidIsRequired() {
        assertMalformed(call(Kind.CALL_STARTED, Direction.INBOUND).setCallUuid(" "), "call_uuid is empty");
    }

    @Test
    void internalCallsAreCheckedToo() {
        assertMalformed(call(Kind.CALL_ANSWERED, Direction.INTERNAL).clearCallUuid(), "call_uuid is empty");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"IVR_ENTERED", "IVR_OPTION_SELECTED"})
    void ivrEventsNeedTheIvrName(Kind kind) {
        assertMalformed(call(kind, Direction.INBOUND).setIvr(Ivr.newBuilder().setOptionSelected("1")),
                "ivr.name is empty, which " + kind + " needs");
    }

    @Test
    void ivrOptionSelectedNeedsTheOption() {
        assertMalformed(call(Kind.IVR_OPTION_SELECTED, Direction.INBOUND).setIvr(ivr("")),
                "ivr.option_selected is empty, which IVR_OPTION_SELECTED needs");
        assertMalformed(call(Kind.IVR_OPTION_SELECTED, Direction.INBOUND),
                "ivr.name is empty, which IVR_OPTION_SELECTED needs; ivr.option_selected is empty, which IVR_OPTION_SELECTED needs");
    }

    private void assertMalformed(CallEvent.Builder call, String problems) {
        MalformedEventException thrown = assertThrows(MalformedEventException.class, () -> trigger.classify(CallEvents.raw(call)));
        assertEquals(PREFIX + problems, thrown.getMessage());
    }
}
