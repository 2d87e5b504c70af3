package io.pbxhooks.server.cli.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.PublishRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SimulationPlanTest {

    /** The reserved ranges: ACMA's 0491 570 xxx mobiles and (0x) 5550/7010 numbers, Ofcom's drama numbers, 555-01xx. */
    private static final Pattern FICTIONAL_NUMBER = Pattern.compile(
            "\\+61(491570\\d{3}|[27]5550\\d{4}|[38]7010\\d{4})|\\+44(207946\\d{4}|(113|114|115|116|117|118|121|131|141|151|161|191)4960\\d{3}|7700900\\d{3})|\\+1\\d{3}55501\\d{2}");

    @Test
    void everyRoundOfTheMixHasEachScenarioAsOftenAsItsWeight() {
        List<SimulationPlan.Call> calls = calls(new SimulationPlan(List.of("acme"), ScenarioMix.parse("ivr=2,pickup=1"), 6, 10, "r", 1));
        assertEquals(List.of(2L, 1L, 2L, 1L), List.of(
                calls.subList(0, 3).stream().filter(call -> call.scenario() == Scenario.IVR).count(),
                calls.subList(0, 3).stream().filter(call -> call.scenario() == Scenario.PICKUP).count(),
                calls.subList(3, 6).stream().filter(call -> call.scenario() == Scenario.IVR).count(),
                calls.subList(3, 6).stream().filter(call -> call.scenario() == Scenario.PICKUP).count()));
        assertThrows(IllegalArgumentException.class, () -> ScenarioMix.parse("ivr=0"));
    }

    @Test
    void callsUseFictionalNumbersAndExtensionsKeepTheirLeadingZeros() throws InvalidProtocolBufferException {
        List<SimulationPlan.Call> calls = calls(new SimulationPlan(List.of("acme", "globex", "initech"), ScenarioMix.parse(ScenarioMix.ALL), 60, 10, "r", 7));
        Set<String> extensions = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        for (SimulationPlan.Call call : calls) {
            Set<String> callUuids = new HashSet<>();
            for (PublishRequest.Builder request : call.events()) {
                CallEvent event = request.getPayload().unpack(CallEvent.class);
                assertTrue(FICTIONAL_NUMBER.matcher(event.getSourceNumber()).matches(), event.getSourceNumber());
                assertTrue(FICTIONAL_NUMBER.matcher(event.getDestinationNumber()).matches(), event.getDestinationNumber());
                if (event.hasExtension()) {
                    extensions.add(event.getExtension().getNumber());
                    assertTrue(FICTIONAL_NUMBER.matcher(event.getExtension().getOutboundPhoneNumber()).matches(), event.toString());
                }
                callUuids.add(event.getCallUuid());
                assertTrue(eventIds.add(request.getEventId()), "event ids are unique: " + request.getEventId());
            }
            assertEquals(1, callUuids.size(), "every event of a call has its call's UUID");
        }
        assertTrue(extensions.contains("0042") && extensions.contains("001"), "extensions with leading zeros: " + extensions);
        assertEquals(Set.of("acme", "globex", "initech"), Set.copyOf(calls.stream().map(call -> call.events().get(0).getAccountId()).toList()));
    }

    @Test
    void aPickupIsAnsweredWithTheStarStarCode() throws InvalidProtocolBufferException {
        SimulationPlan.Call pickup = calls(new SimulationPlan(List.of("acme"), ScenarioMix.parse("pickup"), 1, 10, "r", 3)).get(0);
        assertEquals(List.of(CallEvent.Kind.CALL_STARTED, CallEvent.Kind.CALL_ANSWERED), kinds(pickup));
        assertEquals(CallEvent.AnswerMethod.PICKUP, pickup.events().get(1).getPayload().unpack(CallEvent.class).getAnswerMethod());
        SimulationPlan.Call ivr = calls(new SimulationPlan(List.of("acme"), ScenarioMix.parse("ivr"), 1, 10, "r", 3)).get(0);
        assertEquals(List.of(CallEvent.Kind.CALL_STARTED, CallEvent.Kind.IVR_ENTERED, CallEvent.Kind.IVR_OPTION_SELECTED, CallEvent.Kind.CALL_ANSWERED), kinds(ivr));
    }

    private static List<CallEvent.Kind> kinds(SimulationPlan.Call call) throws InvalidProtocolBufferException {
        List<CallEvent.Kind> kinds = new ArrayList<>();
        for (PublishRequest.Builder request : call.events()) {
            kinds.add(request.getPayload().unpack(CallEvent.class).getKind());
        }
        return kinds;
    }

    private static List<SimulationPlan.Call> calls(SimulationPlan plan) {
        List<SimulationPlan.Call> calls = new ArrayList<>();
        plan.plannedCalls().forEachRemaining(calls::add);
        return calls;
    }
}
