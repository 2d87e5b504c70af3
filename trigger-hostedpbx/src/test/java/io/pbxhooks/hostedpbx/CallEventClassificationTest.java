package io.pbxhooks.hostedpbx;

import static io.pbxhooks.hostedpbx.CallEvents.call;
import static io.pbxhooks.hostedpbx.CallEvents.classify;
import static io.pbxhooks.hostedpbx.CallEvents.classifyFiring;
import static io.pbxhooks.hostedpbx.CallEvents.extension;
import static io.pbxhooks.hostedpbx.CallEvents.ivr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.hostedpbx.v1.CallEvent.AnswerMethod;
import io.pbxhooks.hostedpbx.v1.CallEvent.Direction;
import io.pbxhooks.hostedpbx.v1.CallEvent.Kind;
import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.spi.MalformedEventException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which trigger event each kind of call event fires, including the {@code **} pickup rule. */
class CallEventClassificationTest {

    @Test
    void inboundCallStartedIsInboundCallReceived() throws MalformedEventException {
        TriggerEvent fired = classifyFiring(call(Kind.CALL_STARTED, Direction.INBOUND));
        assertEquals("hosted-pbx", fired.serviceType());
        assertEquals("inbound_call_received", fired.eventType());
        assertEquals(CallEvents.OCCURRED_AT, fired.occurredAt());
    }

    @ParameterizedTest
    @EnumSource(value = AnswerMethod.class, names = {"DIRECT", "ANSWER_METHOD_UNSPECIFIED"})
    void inboundCallAnsweredByItsUserIsInboundCallAnswered(AnswerMethod answerMethod) throws MalformedEventException {
        TriggerEvent fired = classifyFiring(call(Kind.CALL_ANSWERED, Direction.INBOUND).setAnswerMethod(answerMethod).setExtension(extension()));
        assertEquals("inbound_call_answered", fired.eventType());
    }

    @Test
    void outboundCallStartedIsOutboundCallPlaced() throws MalformedEventException {
        assertEquals("outbound_call_placed", classifyFiring(call(Kind.CALL_STARTED, Direction.OUTBOUND).setExtension(extension())).eventType());
    }

    @Test
    void ivrEnteredIsIvrCallReceived() throws MalformedEventException {
        assertEquals("ivr_call_received", classifyFiring(call(Kind.IVR_ENTERED, Direction.INBOUND).setIvr(ivr(""))).eventType());
    }

    @Test
    void ivrOptionSelectedIsIvrOptionSelected() throws MalformedEventException {
        assertEquals("ivr_option_selected", classifyFiring(call(Kind.IVR_OPTION_SELECTED, Direction.INBOUND).setIvr(ivr("2"))).eventType());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"IVR_ENTERED", "IVR_OPTION_SELECTED"})
    void ivrEventsNeedNoDirection(Kind kind) throws MalformedEventException {
        assertTrue(classify(call(kind, Direction.DIRECTION_UNSPECIFIED).setIvr(ivr("1"))).isPresent());
    }

    @Test
    void pickupOfAnInboundCallIsNotInboundCallAnswered() throws MalformedEventException {
        assertTrue(classify(call(Kind.CALL_ANSWERED, Direction.INBOUND).setAnswerMethod(AnswerMethod.PICKUP).setExtension(extension())).isEmpty());
    }

    /** A pickup is an internal outbound call: whatever direction or call kind the PBX reports it with, it fires nothing. */
    @ParameterizedTest
    @CsvSource({"CALL_STARTED,OUTBOUND", "CALL_STARTED,INBOUND", "CALL_STARTED,INTERNAL", "CALL_ANSWERED,OUTBOUND", "CALL_ANSWERED,INTERNAL"})
    void pickupFiresNothingElse(Kind kind, Direction direction) throws MalformedEventException {
        assertTrue(classify(call(kind, direction).setAnswerMethod(AnswerMethod.PICKUP).setExtension(extension())).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"CALL_STARTED", "CALL_ANSWERED", "IVR_ENTERED", "IVR_OPTION_SELECTED"})
    void internalCallsFireNothing(Kind kind) throws MalformedEventException {
        assertTrue(classify(call(kind, Direction.INTERNAL).setExtension(extension()).setIvr(ivr("1"))).isEmpty());
    }

    @Test
    void outboundCallAnsweredFiresNothing() throws MalformedEventException {
        assertTrue(classify(call(Kind.CALL_ANSWERED, Direction.OUTBOUND).setExtension(extension())).isEmpty());
    }

    @Test
    void answerMethodOfAnIvrEventIsNotRead() throws MalformedEventException {
        assertEquals("ivr_call_received",
                classifyFiring(call(Kind.IVR_ENTERED, Direction.INBOUND).setAnswerMethod(AnswerMethod.PICKUP).setIvr(ivr(""))).eventType());
        assertEquals("ivr_call_received",
                classifyFiring(call(Kind.IVR_ENTERED, Direction.INBOUND).setAnswerMethodValue(42).setIvr(ivr(""))).eventType());
    }
}
