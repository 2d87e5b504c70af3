package io.pbxhooks.hostedpbx;

import static io.pbxhooks.hostedpbx.CallEvents.call;
import static io.pbxhooks.hostedpbx.CallEvents.classifyFiring;
import static io.pbxhooks.hostedpbx.CallEvents.extension;
import static io.pbxhooks.hostedpbx.CallEvents.ivr;
import static io.pbxhooks.hostedpbx.CallEvents.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.hostedpbx.v1.CallEvent.Direction;
import io.pbxhooks.hostedpbx.v1.CallEvent.Extension;
import io.pbxhooks.hostedpbx.v1.CallEvent.Extension.CallCategory;
import io.pbxhooks.hostedpbx.v1.CallEvent.Kind;
import io.pbxhooks.model.FieldValue;
import io.pbxhooks.spi.MalformedEventException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values each event carries, in catalogue order, and how each field is formatted. */
class CallEventFieldsTest {

    @Test
    void inboundCallReceivedCarriesTheCommonFieldsOnly() throws MalformedEventException {
        Map<String, FieldValue> fields = classifyFiring(call(Kind.CALL_STARTED, Direction.INBOUND).setExtension(extension()).setIvr(ivr("3"))).fields();
        assertEquals(common(), fields);
        assertEquals(List.copyOf(common().keySet()), List.copyOf(fields.keySet()));
    }

    @Test
    void answeredAndOutboundCarryTheExtensionFirst() throws MalformedEventException {
        Map<String, FieldValue> expected = new LinkedHashMap<>();
        expected.put("extension_number", FieldValue.of("0042"));
        expected.put("name", FieldValue.of("Ada Lovelace"));
        expected.put("outbound_phone_number", FieldValue.of("+441632960042"));
        expected.put("has_voicemail", FieldValue.of(true));
        expected.put("enabled_calls", FieldValue.of("Local,National,Mobile"));
        expected.putAll(common());
        for (CallEvent.Builder call : List.of(call(Kind.CALL_ANSWERED, Direction.INBOUND), call(Kind.CALL_STARTED, Direction.OUTBOUND))) {
            Map<String, FieldValue> fields = classifyFiring(call.setExtension(extension()).setIvr(ivr("3"))).fields();
            assertEquals(expected, fields);
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(fields.keySet()));
        }
    }

    @Test
    void ivrEventsCarryTheIvr() throws MalformedEventException {
        Map<String, FieldValue> ivrCall = common();
        ivrCall.put("ivr_name", FieldValue.of("Main Menu"));
        assertEquals(ivrCall, classifyFiring(call(Kind.IVR_ENTERED, Direction.INBOUND).setIvr(ivr("3")).setExtension(extension())).fields());
        Map<String, FieldValue> ivrOption = new LinkedHashMap<>(ivrCall);
        ivrOption.put("option_selected", FieldValue.of("3"));
        Map<String, FieldValue> fields = classifyFiring(call(Kind.IVR_OPTION_SELECTED, Direction.INBOUND).setIvr(ivr("3"))).fields();
        assertEquals(ivrOption, fields);
        assertEquals(List.copyOf(ivrOption.keySet()), List.copyOf(fields.keySet()));
    }

    @Test
    void extensionNumberKeepsLeadingZeros() throws MalformedEventException {
        Extension extension = extension().toBuilder().setNumber("0007").build();
        assertEquals(FieldValue.of("0007"),
                classifyFiring(call(Kind.CALL_ANSWERED, Direction.INBOUND).setExtension(extension)).fields().get("extension_number"));
    }

    @Test
    void hasVoicemailIsABoolean() throws MalformedEventException {
        Extension withoutVoicemail = extension().toBuilder().setHasVoicemail(false).build();
        FieldValue value = classifyFiring(call(Kind.CALL_STARTED, Direction.OUTBOUND).setExtension(withoutVoicemail)).fields().get("has_voicemail");
        assertEquals(new FieldValue.Flag(false), value);
        assertEquals("false", value.asText());
    }

    @Test
    void enabledCallsFollowTheCatalogueOrderOnce() throws MalformedEventException {
        Extension shuffled = extension().toBuilder().clearEnabledCalls()
                .addAllEnabledCalls(List.of(CallCategory.OTHER, CallCategory.INTERNATIONAL_OTHER, CallCategory.LOCAL, CallCategory.OTHER,
                        CallCategory.CALL_CATEGORY_UNSPECIFIED, CallCategory.PREMIUM))
                .build();
        FieldValue value = classifyFiring(call(Kind.CALL_ANSWERED, Direction.INBOUND).setExtension(shuffled)).fields().get("enabled_calls");
        assertEquals(FieldValue.of("Local,International Other,Premium,Other"), value);
    }

    @Test
    void dateTimeIsIso8601InUtcWhateverTheOriginOffset() throws MalformedEventException {
        Instant inKolkata = OffsetDateTime.parse("2026-11-29T07:54:05.123+05:30").toInstant();
        assertEquals(FieldValue.of("2026-11-29T02:24:05.123Z"), dateTimeOf(inKolkata));
        assertEquals(FieldValue.of("1970-01-01T00:00:00Z"), dateTimeOf(Instant.EPOCH));
        assertEquals(FieldValue.of("2026-11-29T02:24:05.000000001Z"), dateTimeOf(Instant.parse("2026-11-29T02:24:05.000000001Z")));
    }

    @Test
    void emptyStringsAreLeftOut() throws MalformedEventException {
        CallEvent.Builder sparse = CallEvent.newBuilder().setKind(Kind.CALL_ANSWERED).setDirection(Direction.INBOUND)
                .setCallUuid("c0ffee00").setExtension(Extension.newBuilder().setNumber("7"));
        Map<String, FieldValue> expected = new LinkedHashMap<>();
        expected.put("extension_number", FieldValue.of("7"));
        expected.put("has_voicemail", FieldValue.of(false));
        expected.put("date_time", FieldValue.of("2026-11-29T02:24:05.123Z"));
        expected.put("call_uuid", FieldValue.of("c0ffee00"));
        assertEquals(expected, classifyFiring(sparse).fields());
    }

    @Test
    void withoutAnExtensionTheExtensionFieldsAreLeftOut() throws MalformedEventException {
        assertEquals(common(), classifyFiring(call(Kind.CALL_ANSWERED, Direction.INBOUND)).fields());
        assertEquals(common(), classifyFiring(call(Kind.CALL_STARTED, Direction.OUTBOUND)).fields());
    }

    private static FieldValue dateTimeOf(Instant occurredAt) throws MalformedEventException {
        return new HostedPbxTrigger().classify(raw(call(Kind.CALL_STARTED, Direction.INBOUND), occurredAt)).orElseThrow().fields().get("date_time");
    }

    /** The fields every event has, as {@link CallEvents#call} sets them. */
    private static Map<String, FieldValue> common() {
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        fields.put("date_time", FieldValue.of("2026-11-29T02:24:05.123Z"));
        fields.put("service_uuid", FieldValue.of("5f0c1d2e-7a3b-4c5d-9e8f-0a1b2c3d4e5f"));
        fields.put("service_name", FieldValue.of("acme-pbx"));
        fields.put("service_friendly_name", FieldValue.of("Acme Head Office"));
        fields.put("source_number", FieldValue.of("+441632960001"));
        fields.put("destination_number", FieldValue.of("+441632960999"));
        fields.put("call_uuid", FieldValue.of("c0ffee00-1111-2222-3333-444455556666"));
        return fields;
    }
}
