package io.pbxhooks.hostedpbx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.FieldValue;
import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.spi.catalog.FieldDescriptor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sample of each event, sent when an administrator asks for a test delivery. */
class SampleEventTest {

    private static final Instant NOW = Instant.parse("2026-02-03T04:05:06.789Z");
    private final HostedPbxTrigger trigger = new HostedPbxTrigger();

    @ParameterizedTest
    @ValueSource(strings = {"inbound_call_received", "inbound_call_answered", "outbound_call_placed", "ivr_call_received", "ivr_option_selected"})
    void everyEventHasASampleWithEveryOneOfItsFieldsInCatalogueOrder(String eventType) {
        TriggerEvent sample = trigger.sampleEvent(eventType, NOW).orElseThrow();
        assertEquals("hosted-pbx", sample.serviceType());
        assertEquals(eventType, sample.eventType());
        assertEquals(NOW, sample.occurredAt());
        List<String> fieldsOfTheEvent = HostedPbxCatalogue.SERVICE_TYPE.fieldsOf(eventType).stream().map(FieldDescriptor::id).toList();
        assertEquals(fieldsOfTheEvent, List.copyOf(sample.fields().keySet()));
        assertEquals(FieldValue.of("2026-02-03T04:05:06.789Z"), sample.fields().get("date_time"));
        assertEquals(sample.fields().get("call_uuid").asText(), sample.orderingKey(), "the events of one call are delivered in order");
    }

    @Test
    void theAnsweredCallIsOliviasAtExtension0042() {
        Map<String, FieldValue> expected = new LinkedHashMap<>();
        expected.put("extension_number", FieldValue.of("0042"));
        expected.put("name", FieldValue.of("Olivia Nguyen"));
        expected.put("outbound_phone_number", FieldValue.of("+61255501042"));
        expected.put("has_voicemail", FieldValue.of(true));
        expected.put("enabled_calls", FieldValue.of("Local,National,Mobile"));
        expected.put("date_time", FieldValue.of("2026-02-03T04:05:06.789Z"));
        expected.put("service_uuid", FieldValue.of("8d2f6c0e-4b1a-4f3e-9c7d-2a5b6e8f1c30"));
        expected.put("service_name", FieldValue.of("harbourview-pbx"));
        expected.put("service_friendly_name", FieldValue.of("Harbourview Dental, Sydney"));
        expected.put("source_number", FieldValue.of("+61491570156"));
        expected.put("destination_number", FieldValue.of("+61255501000"));
        expected.put("call_uuid", FieldValue.of(SampleCalls.callUuid(NOW)));
        assertEquals(expected, trigger.sampleEvent("inbound_call_answered", NOW).orElseThrow().fields());
    }

    @Test
    void anOutboundCallGoesFromTheExtensionsNumberToACustomer() {
        Map<String, FieldValue> fields = trigger.sampleEvent("outbound_call_placed", NOW).orElseThrow().fields();
        assertEquals(FieldValue.of("+61255501042"), fields.get("source_number"));
        assertEquals(FieldValue.of("+61370101234"), fields.get("destination_number"));
        assertEquals(FieldValue.of("0042"), fields.get("extension_number"));
    }

    @Test
    void theCallerPicksOption2OfTheMainMenu() {
        Map<String, FieldValue> fields = trigger.sampleEvent("ivr_option_selected", NOW).orElseThrow().fields();
        assertEquals(FieldValue.of("Main Menu"), fields.get("ivr_name"));
        assertEquals(FieldValue.of("2"), fields.get("option_selected"));
    }

    @Test
    void eachInstantIsACallOfItsOwnAndTheSameInstantTheSameCall() {
        String first = trigger.sampleEvent("inbound_call_received", NOW).orElseThrow().orderingKey();
        assertEquals(first, trigger.sampleEvent("inbound_call_received", NOW).orElseThrow().orderingKey());
        assertNotEquals(first, trigger.sampleEvent("inbound_call_received", NOW.plusMillis(1)).orElseThrow().orderingKey());
        assertTrue(first.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), first);
    }

    @Test
    void anEventNotInTheCatalogueHasNoSample() {
        assertEquals(Optional.empty(), trigger.sampleEvent("call_transferred", NOW));
    }
}
