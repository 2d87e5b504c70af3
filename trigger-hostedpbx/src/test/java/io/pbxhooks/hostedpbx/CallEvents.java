package io.pbxhooks.hostedpbx;

import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.hostedpbx.v1.CallEvent.Direction;
import io.pbxhooks.hostedpbx.v1.CallEvent.Extension;
import io.pbxhooks.hostedpbx.v1.CallEvent.Extension.CallCategory;
import io.pbxhooks.hostedpbx.v1.CallEvent.Ivr;
import io.pbxhooks.hostedpbx.v1.CallEvent.Kind;
import io.pbxhooks.hostedpbx.v1.CallEvent.Service;
import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.spi.MalformedEventException;
import io.pbxhooks.spi.RawEvent;
import java.time.Instant;
import java.util.Optional;

/** Call events as a PBX would publish them, and the trigger's verdict on them. */
final class CallEvents {

    static final Instant OCCURRED_AT = Instant.parse("2026-11-29T02:24:05.123Z");

    private CallEvents() {
    }

    /** A call event of {@code kind} and {@code direction} with the service, call UUID and numbers set. */
    static CallEvent.Builder call(Kind kind, Direction direction) {
        return CallEvent.newBuilder()
                .setKind(kind)
                .setDirection(direction)
                .setService(Service.newBuilder().setUuid("5f0c1d2e-7a3b-4c5d-9e8f-0a1b2c3d4e5f").setName("acme-pbx").setFriendlyName("Acme Head Office"))
                .setCallUuid("c0ffee00-1111-2222-3333-444455556666")
                .setSourceNumber("+441632960001")
                .setDestinationNumber("+441632960999");
    }

    static Extension extension() {
        return Extension.newBuilder()
                .setNumber("0042")
                .setName("Ada Lovelace")
                .setOutboundPhoneNumber("+441632960042")
                .setHasVoicemail(true)
                .addEnabledCalls(CallCategory.MOBILE)
                .addEnabledCalls(CallCategory.LOCAL)
                .addEnabledCalls(CallCategory.NATIONAL)
                .build();
    }

    static Ivr ivr(String optionSelected) {
        return Ivr.newBuilder().setName("Main Menu").setOptionSelected(optionSelected).build();
    }

    static RawEvent raw(CallEvent.Builder call) {
        return raw(call, OCCURRED_AT);
    }

    static RawEvent raw(CallEvent.Builder call, Instant occurredAt) {
        return new RawEvent("event-1", "account-1", HostedPbxCatalogue.SERVICE_TYPE_ID, occurredAt,
                HostedPbxCatalogue.PAYLOAD_TYPE, call.build().toByteArray());
    }

    static Optional<TriggerEvent> classify(CallEvent.Builder call) throws MalformedEventException {
        return new HostedPbxTrigger().classify(raw(call));
    }

    static TriggerEvent classifyFiring(CallEvent.Builder call) throws MalformedEventException {
        return classify(call).orElseThrow(() -> new AssertionError("fired nothing for " + call));
    }
}
