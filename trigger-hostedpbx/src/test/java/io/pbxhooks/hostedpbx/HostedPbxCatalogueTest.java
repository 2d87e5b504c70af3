package io.pbxhooks.hostedpbx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.model.FieldType;
import io.pbxhooks.spi.catalog.EventDescriptor;
import io.pbxhooks.spi.catalog.FieldDescriptor;
import io.pbxhooks.spi.catalog.ServiceTypeDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue is exactly design.md's "Hosted PBX catalogue". */
class HostedPbxCatalogueTest {

    private static final String RECEIVED = "inbound_call_received";
    private static final String ANSWERED = "inbound_call_answered";
    private static final String OUTBOUND = "outbound_call_placed";
    private static final String IVR_CALL = "ivr_call_received";
    private static final String IVR_OPTION = "ivr_option_selected";
    private static final List<String> ALL = List.of(RECEIVED, ANSWERED, OUTBOUND, IVR_CALL, IVR_OPTION);

    private final ServiceTypeDescriptor serviceType = new HostedPbxTrigger().serviceType();

    @Test
    void serviceTypeIsHostedPbx() {
        assertEquals("hosted-pbx", serviceType.id());
        assertEquals("Hosted PBX", serviceType.displayName());
        assertEquals(CallEvent.getDescriptor().getFullName(), HostedPbxCatalogue.PAYLOAD_TYPE);
    }

    @Test
    void hasTheFiveEventsInOrder() {
        assertEquals(List.of(
                new EventDescriptor(RECEIVED, "Inbound Call Received", "An inbound call reaches the PBX."),
                new EventDescriptor(ANSWERED, "Inbound Call Answered",
                        "An inbound call is answered by a user (not picked up with the ** pickup code)."),
                new EventDescriptor(OUTBOUND, "Outbound Call Placed", "A user places an outbound call."),
                new EventDescriptor(IVR_CALL, "IVR Call Received", "A call reaches an IVR."),
                new EventDescriptor(IVR_OPTION, "IVR Option Selected", "The caller has selected an option on an IVR.")),
                serviceType.events());
    }

    /** Each row: id, name, type and the events that have it, as in design.md's table. */
    @Test
    void hasTheFourteenFieldsWithTheEventsThatHaveThem() {
        List<String> answeredAndOutbound = List.of(ANSWERED, OUTBOUND);
        List<List<Object>> expected = List.of(
                List.of("extension_number", "Extension Number", FieldType.STRING, answeredAndOutbound),
                List.of("name", "Name", FieldType.STRING, answeredAndOutbound),
                List.of("outbound_phone_number", "Outbound Phone Number", FieldType.STRING, answeredAndOutbound),
                List.of("has_voicemail", "Has Voicemail", FieldType.BOOLEAN, answeredAndOutbound),
                List.of("enabled_calls", "Enabled Calls", FieldType.STRING, answeredAndOutbound),
                List.of("date_time", "Date/Time", FieldType.STRING, ALL),
                List.of("service_uuid", "Service UUID", FieldType.STRING, ALL),
                List.of("service_name", "Service Name", FieldType.STRING, ALL),
                List.of("service_friendly_name", "Service Friendly Name", FieldType.STRING, ALL),
                List.of("source_number", "Source Number", FieldType.STRING, ALL),
                List.of("destination_number", "Destination Number", FieldType.STRING, ALL),
                List.of("call_uuid", "Call UUID", FieldType.STRING, ALL),
                List.of("ivr_name", "IVR Name", FieldType.STRING, List.of(IVR_CALL, IVR_OPTION)),
                List.of("option_selected", "Option Selected", FieldType.STRING, List.of(IVR_OPTION)));
        List<List<Object>> actual = serviceType.fields().stream()
                .map(field -> List.<Object>of(field.id(), field.displayName(), field.valueType(), field.eventIds()))
                .toList();
        assertEquals(expected, actual);
        serviceType.fields().forEach(field -> assertFalse(field.description().isBlank(), field.id()));
        serviceType.events().forEach(event -> assertFalse(event.description().isBlank(), event.id()));
    }

    @Test
    void eachEventHasItsFieldsInCatalogueOrder() {
        List<String> common = List.of("date_time", "service_uuid", "service_name", "service_friendly_name",
                "source_number", "destination_number", "call_uuid");
        List<String> withExtension = List.of("extension_number", "name", "outbound_phone_number", "has_voicemail",
                "enabled_calls", "date_time", "service_uuid", "service_name", "service_friendly_name",
                "source_number", "destination_number", "call_uuid");
        List<String> ivrCall = List.of("date_time", "service_uuid", "service_name", "service_friendly_name",
                "source_number", "destination_number", "call_uuid", "ivr_name");
        List<String> ivrOption = List.of("date_time", "service_uuid", "service_name", "service_friendly_name",
                "source_number", "destination_number", "call_uuid", "ivr_name", "option_selected");
        assertEquals(common, fieldIdsOf(RECEIVED));
        assertEquals(withExtension, fieldIdsOf(ANSWERED));
        assertEquals(withExtension, fieldIdsOf(OUTBOUND));
        assertEquals(ivrCall, fieldIdsOf(IVR_CALL));
        assertEquals(ivrOption, fieldIdsOf(IVR_OPTION));
    }

    @Test
    void publicConstantsNameTheCatalogueIds() {
        assertEquals(List.of(HostedPbxEvents.INBOUND_CALL_RECEIVED, HostedPbxEvents.INBOUND_CALL_ANSWERED,
                HostedPbxEvents.OUTBOUND_CALL_PLACED, HostedPbxEvents.IVR_CALL_RECEIVED, HostedPbxEvents.IVR_OPTION_SELECTED),
                serviceType.events().stream().map(EventDescriptor::id).toList());
        assertEquals(List.of(HostedPbxFields.EXTENSION_NUMBER, HostedPbxFields.NAME, HostedPbxFields.OUTBOUND_PHONE_NUMBER,
                HostedPbxFields.HAS_VOICEMAIL, HostedPbxFields.ENABLED_CALLS, HostedPbxFields.DATE_TIME,
                HostedPbxFields.SERVICE_UUID, HostedPbxFields.SERVICE_NAME, HostedPbxFields.SERVICE_FRIENDLY_NAME,
                HostedPbxFields.SOURCE_NUMBER, HostedPbxFields.DESTINATION_NUMBER, HostedPbxFields.CALL_UUID,
                HostedPbxFields.IVR_NAME, HostedPbxFields.OPTION_SELECTED),
                serviceType.fields().stream().map(FieldDescriptor::id).toList());
    }

    private List<String> fieldIdsOf(String eventId) {
        return serviceType.fieldsOf(eventId).stream().map(FieldDescriptor::id).toList();
    }
}
