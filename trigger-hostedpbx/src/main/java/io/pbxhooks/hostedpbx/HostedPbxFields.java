package io.pbxhooks.hostedpbx;

import static io.pbxhooks.hostedpbx.HostedPbxEvents.INBOUND_CALL_ANSWERED;
import static io.pbxhooks.hostedpbx.HostedPbxEvents.INBOUND_CALL_RECEIVED;
import static io.pbxhooks.hostedpbx.HostedPbxEvents.IVR_CALL_RECEIVED;
import static io.pbxhooks.hostedpbx.HostedPbxEvents.IVR_OPTION_SELECTED;
import static io.pbxhooks.hostedpbx.HostedPbxEvents.OUTBOUND_CALL_PLACED;

import io.pbxhooks.model.FieldType;
import io.pbxhooks.spi.catalog.FieldDescriptor;
import java.util.List;

/** The fields of the Hosted PBX service type, in catalogue order, each with the events that have it. */
public final class HostedPbxFields {

    public static final String EXTENSION_NUMBER = "extension_number";
    public static final String NAME = "name";
    public static final String OUTBOUND_PHONE_NUMBER = "outbound_phone_number";
    public static final String HAS_VOICEMAIL = "has_voicemail";
    public static final String ENABLED_CALLS = "enabled_calls";
    public static final String DATE_TIME = "date_time";
    public static final String SERVICE_UUID = "service_uuid";
    public static final String SERVICE_NAME = "service_name";
    public static final String SERVICE_FRIENDLY_NAME = "service_friendly_name";
    public static final String SOURCE_NUMBER = "source_number";
    public static final String DESTINATION_NUMBER = "destination_number";
    public static final String CALL_UUID = "call_uuid";
    public static final String IVR_NAME = "ivr_name";
    public static final String OPTION_SELECTED = "option_selected";

    private static final List<String> ANSWERED_AND_OUTBOUND = List.of(INBOUND_CALL_ANSWERED, OUTBOUND_CALL_PLACED);
    private static final List<String> ALL_EVENTS = List.of(
            INBOUND_CALL_RECEIVED, INBOUND_CALL_ANSWERED, OUTBOUND_CALL_PLACED, IVR_CALL_RECEIVED, IVR_OPTION_SELECTED);
    private static final List<String> BOTH_IVR_EVENTS = List.of(IVR_CALL_RECEIVED, IVR_OPTION_SELECTED);

    static final List<FieldDescriptor> ALL = List.of(
            text(EXTENSION_NUMBER, "Extension Number",
                    "The number of the extension that answered or placed the call, leading zeros kept (e.g. 0042).", ANSWERED_AND_OUTBOUND),
            text(NAME, "Name", "The name of the user who answered or placed the call.", ANSWERED_AND_OUTBOUND),
            text(OUTBOUND_PHONE_NUMBER, "Outbound Phone Number",
                    "The phone number the user's extension presents on outbound calls.", ANSWERED_AND_OUTBOUND),
            new FieldDescriptor(HAS_VOICEMAIL, "Has Voicemail", FieldType.BOOLEAN,
                    "Whether the user's extension has voicemail.", ANSWERED_AND_OUTBOUND),
            text(ENABLED_CALLS, "Enabled Calls", "The calls the user's extension may place, comma-separated (no spaces) in the order "
                    + "Local, National, Mobile, International, International Other, Premium, Other.", ANSWERED_AND_OUTBOUND),
            text(DATE_TIME, "Date/Time",
                    "When the event occurred, ISO-8601 in UTC (e.g. 2026-11-29T02:24:05.123Z); the same on every retry.", ALL_EVENTS),
            text(SERVICE_UUID, "Service UUID", "The UUID of the PBX service.", ALL_EVENTS),
            text(SERVICE_NAME, "Service Name", "The name of the PBX service.", ALL_EVENTS),
            text(SERVICE_FRIENDLY_NAME, "Service Friendly Name", "The friendly name of the PBX service.", ALL_EVENTS),
            text(SOURCE_NUMBER, "Source Number", "The number the call comes from.", ALL_EVENTS),
            text(DESTINATION_NUMBER, "Destination Number", "The number the call was made to.", ALL_EVENTS),
            text(CALL_UUID, "Call UUID", "The UUID of the call, the same for every event of one call.", ALL_EVENTS),
            text(IVR_NAME, "IVR Name", "The name of the IVR the call reached.", BOTH_IVR_EVENTS),
            text(OPTION_SELECTED, "Option Selected", "The option the caller selected on the IVR.", List.of(IVR_OPTION_SELECTED)));

    private HostedPbxFields() {
    }

    private static FieldDescriptor text(String id, String displayName, String description, List<String> eventIds) {
        return new FieldDescriptor(id, displayName, FieldType.STRING, description, eventIds);
    }
}
