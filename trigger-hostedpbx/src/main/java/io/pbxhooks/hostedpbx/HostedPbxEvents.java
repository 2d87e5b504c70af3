package io.pbxhooks.hostedpbx;

import io.pbxhooks.spi.catalog.EventDescriptor;
import java.util.List;

/** The events of the Hosted PBX service type, in catalogue order. */
public final class HostedPbxEvents {

    public static final String INBOUND_CALL_RECEIVED = "inbound_call_received";
    public static final String INBOUND_CALL_ANSWERED = "inbound_call_answered";
    public static final String OUTBOUND_CALL_PLACED = "outbound_call_placed";
    public static final String IVR_CALL_RECEIVED = "ivr_call_received";
    public static final String IVR_OPTION_SELECTED = "ivr_option_selected";

    static final List<EventDescriptor> ALL = List.of(
            new EventDescriptor(INBOUND_CALL_RECEIVED, "Inbound Call Received", "An inbound call reaches the PBX."),
            new EventDescriptor(INBOUND_CALL_ANSWERED, "Inbound Call Answered",
                    "An inbound call is answered by a user (not picked up with the ** pickup code)."),
            new EventDescriptor(OUTBOUND_CALL_PLACED, "Outbound Call Placed", "A user places an outbound call."),
            new EventDescriptor(IVR_CALL_RECEIVED, "IVR Call Received", "A call reaches an IVR."),
            new EventDescriptor(IVR_OPTION_SELECTED, "IVR Option Selected", "The caller has selected an option on an IVR."));

    private HostedPbxEvents() {
    }
}
