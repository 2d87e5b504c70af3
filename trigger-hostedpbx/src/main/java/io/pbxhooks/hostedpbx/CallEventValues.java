package io.pbxhooks.hostedpbx;

import static io.pbxhooks.hostedpbx.HostedPbxFields.CALL_UUID;
import static io.pbxhooks.hostedpbx.HostedPbxFields.DATE_TIME;
import static io.pbxhooks.hostedpbx.HostedPbxFields.DESTINATION_NUMBER;
import static io.pbxhooks.hostedpbx.HostedPbxFields.ENABLED_CALLS;
import static io.pbxhooks.hostedpbx.HostedPbxFields.EXTENSION_NUMBER;
import static io.pbxhooks.hostedpbx.HostedPbxFields.HAS_VOICEMAIL;
import static io.pbxhooks.hostedpbx.HostedPbxFields.IVR_NAME;
import static io.pbxhooks.hostedpbx.HostedPbxFields.NAME;
import static io.pbxhooks.hostedpbx.HostedPbxFields.OPTION_SELECTED;
import static io.pbxhooks.hostedpbx.HostedPbxFields.OUTBOUND_PHONE_NUMBER;
import static io.pbxhooks.hostedpbx.HostedPbxFields.SERVICE_FRIENDLY_NAME;
import static io.pbxhooks.hostedpbx.HostedPbxFields.SERVICE_NAME;
import static io.pbxhooks.hostedpbx.HostedPbxFields.SERVICE_UUID;
import static io.pbxhooks.hostedpbx.HostedPbxFields.SOURCE_NUMBER;

import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.hostedpbx.v1.CallEvent.Extension;
import io.pbxhooks.model.FieldValue;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Every field value a call event carries, whatever event it fires; the trigger keeps those its event has.
 * An empty string is a value the event lacks, so it is left out.
 */
final class CallEventValues {

    private CallEventValues() {
    }

    static Map<String, FieldValue> of(CallEvent call, Instant occurredAt) {
        Map<String, FieldValue> values = new HashMap<>();
        // ISO_INSTANT always writes UTC ("Z") and only as many fraction digits as the instant needs.
        putText(values, DATE_TIME, DateTimeFormatter.ISO_INSTANT.format(occurredAt));
        putText(values, SERVICE_UUID, call.getService().getUuid());
        putText(values, SERVICE_NAME, call.getService().getName());
        putText(values, SERVICE_FRIENDLY_NAME, call.getService().getFriendlyName());
        putText(values, SOURCE_NUMBER, call.getSourceNumber());
        putText(values, DESTINATION_NUMBER, call.getDestinationNumber());
        putText(values, CALL_UUID, call.getCallUuid());
        if (call.hasExtension()) {
            Extension extension = call.getExtension();
            putText(values, EXTENSION_NUMBER, extension.getNumber());
            putText(values, NAME, extension.getName());
            putText(values, OUTBOUND_PHONE_NUMBER, extension.getOutboundPhoneNumber());
            values.put(HAS_VOICEMAIL, FieldValue.of(extension.getHasVoicemail()));
            putText(values, ENABLED_CALLS, EnabledCalls.format(extension.getEnabledCallsList()));
        }
        if (call.hasIvr()) {
            putText(values, IVR_NAME, call.getIvr().getName());
            putText(values, OPTION_SELECTED, call.getIvr().getOptionSelected());
        }
        return values;
    }

    private static void putText(Map<String, FieldValue> values, String fieldId, String text) {
        if (!text.isEmpty()) {
            values.put(fieldId, FieldValue.of(text));
        }
    }
}
