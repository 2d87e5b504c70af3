package io.pbxhooks.server.reliability;

import com.google.protobuf.Any;
import com.google.protobuf.util.Timestamps;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.hostedpbx.v1.CallEvent.AnswerMethod;
import io.pbxhooks.hostedpbx.v1.CallEvent.Direction;
import io.pbxhooks.hostedpbx.v1.CallEvent.Kind;
import io.pbxhooks.ingest.v1.PublishRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Realistic Hosted PBX traffic, the scenarios of {@code bin/pbxhooks simulate} in turn: inbound call → IVR → option
 * selected → answered (4 trigger events); inbound answered directly (2); outbound placed and answered by the far end
 * (1 of 2 events fires); inbound picked up with {@code **} (1 of 2: a pickup is never Inbound Call Answered). Each
 * event says which trigger event it must fire, written out here independently of the trigger plugin.
 */
final class CallTraffic {

    static final String RECEIVED = "inbound_call_received";
    static final String ANSWERED = "inbound_call_answered";
    static final String OUTBOUND = "outbound_call_placed";
    static final String IVR = "ivr_call_received";
    static final String IVR_OPTION = "ivr_option_selected";
    static final List<String> TRIGGER_EVENTS = List.of(RECEIVED, ANSWERED, OUTBOUND, IVR, IVR_OPTION);

    /** An event to publish; {@code fires} is the trigger event it fires, or null. */
    record PlannedEvent(PublishRequest request, String accountId, String callUuid, String fires) {
        String eventId() {
            return request.getEventId();
        }
    }

    private record Step(CallEvent event, String fires) {
    }

    private static final CallEvent.Service SERVICE = CallEvent.Service.newBuilder().setUuid("9b2e4c1a-0d7f-4e3b-8a6c-2f1d5e9c7b40")
            .setName("reliability-pbx").setFriendlyName("Reliability Test PBX").build();

    private CallTraffic() {
    }

    /** At least {@code minimumEvents} events over the accounts' calls in turn; each account's events in call order. */
    static Map<String, List<PlannedEvent>> byAccount(String runId, List<String> accountIds, int minimumEvents) {
        Map<String, List<PlannedEvent>> traffic = new LinkedHashMap<>();
        accountIds.forEach(account -> traffic.put(account, new ArrayList<>()));
        int events = 0;
        for (int call = 0; events < minimumEvents; call++) {
            String account = accountIds.get(call % accountIds.size());
            List<PlannedEvent> callEvents = call(runId + "-" + call, account, call % 4);
            traffic.get(account).addAll(callEvents);
            events += callEvents.size();
        }
        return traffic;
    }

    /** A single inbound call answered directly: an event that fires Inbound Call Answered. */
    static PlannedEvent answeredCall(String callId, String accountId) {
        return call(callId, accountId, 1).get(1);
    }

    private static List<PlannedEvent> call(String callId, String account, int scenario) {
        String uuid = UUID.nameUUIDFromBytes(callId.getBytes(StandardCharsets.UTF_8)).toString();
        CallEvent inbound = base(uuid).setDirection(Direction.INBOUND).setSourceNumber("+61491570156").setDestinationNumber("+61255501000").build();
        CallEvent.Builder answered = inbound.toBuilder().setKind(Kind.CALL_ANSWERED).setExtension(extension());
        CallEvent.Ivr.Builder ivr = CallEvent.Ivr.newBuilder().setName("Main Menu");
        List<Step> steps = switch (scenario) {
            case 0 -> List.of(new Step(inbound, RECEIVED),
                    new Step(inbound.toBuilder().setKind(Kind.IVR_ENTERED).setIvr(ivr).build(), IVR),
                    new Step(inbound.toBuilder().setKind(Kind.IVR_OPTION_SELECTED).setIvr(ivr.setOptionSelected("2")).build(), IVR_OPTION),
                    new Step(answered.setAnswerMethod(AnswerMethod.DIRECT).build(), ANSWERED));
            case 1 -> List.of(new Step(inbound, RECEIVED), new Step(answered.setAnswerMethod(AnswerMethod.DIRECT).build(), ANSWERED));
            case 2 -> {
                CallEvent placed = base(uuid).setDirection(Direction.OUTBOUND).setExtension(extension())
                        .setSourceNumber("+61255501042").setDestinationNumber("+61370101234").build();
                yield List.of(new Step(placed, OUTBOUND), new Step(placed.toBuilder().setKind(Kind.CALL_ANSWERED).build(), null));
            }
            default -> List.of(new Step(inbound, RECEIVED), new Step(answered.setAnswerMethod(AnswerMethod.PICKUP).build(), null));
        };
        List<PlannedEvent> planned = new ArrayList<>();
        for (int index = 0; index < steps.size(); index++) {
            PublishRequest request = PublishRequest.newBuilder().setEventId(callId + "-" + (index + 1)).setAccountId(account)
                    .setServiceType("hosted-pbx").setOccurredAt(Timestamps.fromMillis(System.currentTimeMillis()))
                    .setPayload(Any.pack(steps.get(index).event())).build();
            planned.add(new PlannedEvent(request, account, uuid, steps.get(index).fires()));
        }
        return planned;
    }

    private static CallEvent.Builder base(String callUuid) {
        return CallEvent.newBuilder().setKind(Kind.CALL_STARTED).setService(SERVICE).setCallUuid(callUuid);
    }

    private static CallEvent.Extension extension() {
        return CallEvent.Extension.newBuilder().setNumber("0042").setName("Ada Lovelace").setOutboundPhoneNumber("+61255501042")
                .setHasVoicemail(true).addEnabledCalls(CallEvent.Extension.CallCategory.LOCAL).build();
    }
}
