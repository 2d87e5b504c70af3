package io.pbxhooks.hostedpbx;

import static io.pbxhooks.hostedpbx.CallEvents.call;
import static io.pbxhooks.hostedpbx.CallEvents.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.hostedpbx.v1.CallEvent.Direction;
import io.pbxhooks.hostedpbx.v1.CallEvent.Kind;
import io.pbxhooks.spi.MalformedEventException;
import org.junit.jupiter.api.Test;

/** A call's id orders its deliveries and must fit where the host keeps it: at most 128 characters. */
class CallUuidLengthTest {

    private final HostedPbxTrigger trigger = new HostedPbxTrigger();

    @Test
    void aCallUuidOf128CharactersIsAccepted() throws Exception {
        assertTrue(trigger.classify(raw(call(Kind.CALL_STARTED, Direction.INBOUND).setCallUuid("c".repeat(128)))).isPresent());
    }

    @Test
    void aLongerCallUuidIsMalformed() {
        assertEquals("pbxhooks.hostedpbx.v1.CallEvent is malformed: call_uuid is 129 characters long, more than 128",
                assertThrows(MalformedEventException.class,
                        () -> trigger.classify(raw(call(Kind.CALL_STARTED, Direction.INBOUND).setCallUuid("c".repeat(129))))).getMessage());
    }
}
