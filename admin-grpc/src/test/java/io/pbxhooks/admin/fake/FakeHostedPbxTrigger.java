package io.pbxhooks.admin.fake;

import io.pbxhooks.model.FieldType;
import io.pbxhooks.model.FieldValue;
import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.spi.RawEvent;
import io.pbxhooks.spi.TriggerPlugin;
import io.pbxhooks.spi.catalog.EventDescriptor;
import io.pbxhooks.spi.catalog.FieldDescriptor;
import io.pbxhooks.spi.catalog.ServiceTypeDescriptor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A part of the Hosted PBX catalogue of design.md; it classifies nothing. It offers a sample of every event but
 * {@code ivr_option_selected}, so that tests can ask for a test send of an event without one.
 */
public final class FakeHostedPbxTrigger implements TriggerPlugin {

    private static final List<String> ALL = List.of("inbound_call_received", "inbound_call_answered", "outbound_call_placed",
            "ivr_call_received", "ivr_option_selected");
    private static final List<String> ANSWERED_AND_OUTBOUND = List.of("inbound_call_answered", "outbound_call_placed");

    private static final ServiceTypeDescriptor SERVICE_TYPE = new ServiceTypeDescriptor("hosted-pbx", "Hosted PBX",
            List.of(
                    new EventDescriptor("inbound_call_received", "Inbound Call Received", "an inbound call reaches the PBX"),
                    new EventDescriptor("inbound_call_answered", "Inbound Call Answered", "an inbound call is answered by a user"),
                    new EventDescriptor("outbound_call_placed", "Outbound Call Placed", "a user places an outbound call"),
                    new EventDescriptor("ivr_call_received", "IVR Call Received", "a call reaches an IVR"),
                    new EventDescriptor("ivr_option_selected", "IVR Option Selected", "the caller has selected an option on an IVR")),
            List.of(
                    new FieldDescriptor("extension_number", "Extension Number", FieldType.STRING, "leading zeros kept", ANSWERED_AND_OUTBOUND),
                    new FieldDescriptor("has_voicemail", "Has Voicemail", FieldType.BOOLEAN, "", ANSWERED_AND_OUTBOUND),
                    new FieldDescriptor("date_time", "Date/Time", FieldType.STRING, "ISO-8601 UTC", ALL),
                    new FieldDescriptor("source_number", "Source Number", FieldType.STRING, "", ALL),
                    new FieldDescriptor("call_uuid", "Call UUID", FieldType.STRING, "", ALL),
                    new FieldDescriptor("ivr_name", "IVR Name", FieldType.STRING, "", List.of("ivr_call_received", "ivr_option_selected")),
                    new FieldDescriptor("option_selected", "Option Selected", FieldType.STRING, "", List.of("ivr_option_selected"))));

    @Override
    public ServiceTypeDescriptor serviceType() {
        return SERVICE_TYPE;
    }

    @Override
    public Optional<TriggerEvent> classify(RawEvent event) {
        return Optional.empty();
    }

    @Override
    public Optional<TriggerEvent> sampleEvent(String eventType, Instant occurredAt) {
        if (SERVICE_TYPE.event(eventType).isEmpty() || eventType.equals("ivr_option_selected")) {
            return Optional.empty();
        }
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        for (FieldDescriptor field : SERVICE_TYPE.fieldsOf(eventType)) {
            fields.put(field.id(), field.valueType() == FieldType.BOOLEAN ? FieldValue.of(true) : FieldValue.of("sample " + field.id()));
        }
        return Optional.of(new TriggerEvent("hosted-pbx", eventType, occurredAt, fields, "sample call"));
    }
}
