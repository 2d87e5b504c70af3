package io.pbxhooks.hostedpbx;

import static io.pbxhooks.hostedpbx.HostedPbxCatalogue.PAYLOAD_TYPE;
import static io.pbxhooks.hostedpbx.HostedPbxCatalogue.SERVICE_TYPE;
import static io.pbxhooks.hostedpbx.HostedPbxCatalogue.SERVICE_TYPE_ID;
import static java.util.Objects.requireNonNull;

import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.model.FieldValue;
import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.spi.MalformedEventException;
import io.pbxhooks.spi.PayloadSchema;
import io.pbxhooks.spi.RawEvent;
import io.pbxhooks.spi.TriggerPlugin;
import io.pbxhooks.spi.catalog.FieldDescriptor;
import io.pbxhooks.spi.catalog.ServiceTypeDescriptor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code hosted-pbx} trigger: decodes {@link CallEvent} payloads and classifies them. Stateless. */
public final class HostedPbxTrigger implements TriggerPlugin {

    private static final PayloadSchema SCHEMA = new PayloadSchema(PAYLOAD_TYPE,
            DescriptorProtos.FileDescriptorSet.newBuilder().addFile(CallEvent.getDescriptor().getFile().toProto()).build().toByteArray());

    @Override
    public ServiceTypeDescriptor serviceType() {
        return SERVICE_TYPE;
    }

    @Override
    public Optional<TriggerEvent> classify(RawEvent event) throws MalformedEventException {
        requireNonNull(event, "event is null");
        return classify(decode(event), event.occurredAt());
    }

    /** Classifies the sample call of {@link SampleCalls}, so a sample follows exactly the rules a real event does. */
    @Override
    public Optional<TriggerEvent> sampleEvent(String eventType, Instant occurredAt) {
        requireNonNull(eventType, "eventType is null");
        requireNonNull(occurredAt, "occurredAt is null");
        return SampleCalls.firing(eventType, occurredAt).map(call -> {
            try {
                return classify(call, occurredAt).orElseThrow(() -> new IllegalStateException("the sample of " + eventType + " fires nothing"));
            } catch (MalformedEventException bug) {
                throw new IllegalStateException("the sample of " + eventType + " is malformed", bug);
            }
        });
    }

    private static Optional<TriggerEvent> classify(CallEvent call, Instant occurredAt) throws MalformedEventException {
        Optional<String> eventType = CallEventRules.eventTypeOf(call);
        if (eventType.isEmpty()) {
            return Optional.empty();
        }
        Map<String, FieldValue> available = CallEventValues.of(call, occurredAt);
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        for (FieldDescriptor field : SERVICE_TYPE.fieldsOf(eventType.get())) {
            FieldValue value = available.get(field.id());
            if (value != null) {
                fields.put(field.id(), value);
            }
        }
        // The events of one call reach each integration in order.
        return Optional.of(new TriggerEvent(SERVICE_TYPE_ID, eventType.get(), occurredAt, fields, call.getCallUuid()));
    }

    @Override
    public Optional<PayloadSchema> payloadSchema() {
        return Optional.of(SCHEMA);
    }

    private static CallEvent decode(RawEvent event) throws MalformedEventException {
        if (!event.payloadType().equals(PAYLOAD_TYPE)) {
            throw new MalformedEventException("payload type is \"" + event.payloadType() + "\"; service type "
                    + SERVICE_TYPE_ID + " takes " + PAYLOAD_TYPE);
        }
        try {
            return CallEvent.parseFrom(event.payload());
        } catch (InvalidProtocolBufferException invalid) {
            throw new MalformedEventException("payload is not a valid " + PAYLOAD_TYPE + ": " + invalid.getMessage(), invalid);
        }
    }
}
