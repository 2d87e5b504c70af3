package io.pbxhooks.server.cli.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.PublishRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SimulationPlanTest {

    /** The reserved ranges: ACMA's 0491 570 xxx mobiles and (0x) 5550/7010 numbers, Ofcom's drama numbers, 555-01xx. */
    private static final Pattern FICTIONAL_NUMBER = Pattern.compile(
            "\\+61(491570\\d{3}|[27]5550\\d{4}|[38]7010\\d{4})|\\+44(2079460\\d{3}|(113|114|115|116|117|118|121|131|141|151|161|191)4960\\d{3}|7700900\\d{3})|\\+1\\d{3}55501\\d{2}");

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
    void oneAccountsCallsComeFromEveryRegionMostlyItsOwn() throws InvalidProtocolBufferException {
        Map<String, Integer> callersByCountry = new HashMap<>();
        Set<String> calledCountries = new HashSet<>();
        for (SimulationPlan.Call call : calls(new SimulationPlan(List.of("acme"), ScenarioMix.parse(ScenarioMix.ALL), 120, 10, "r", 11))) {
            CallEvent first = call.events().get(0).getPayload().unpack(CallEvent.class);
            if (first.getDirection() == CallEvent.Direction.INBOUND) {
                callersByCountry.merge(country(first.getSourceNumber()), 1, Integer::sum);
                assertEquals("+61", country(first.getDestinationNumber()), "the account's PBX is in Australia");
                continue;
            }
            String called = country(first.getDestinationNumber());
            calledCountries.add(called);
            assertEquals("+61", country(first.getSourceNumber()));
            boolean international = first.getExtension().getEnabledCallsList().contains(CallEvent.Extension.CallCategory.INTERNATIONAL);
            assertTrue(called.equals("+61") || international, "only extensions allowed international calls call abroad: " + first);
        }
        assertEquals(Set.of("+61", "+44", "+1"), callersByCountry.keySet(), "callers from each region: " + callersByCountry);
        assertEquals(Set.of("+61", "+44", "+1"), calledCountries, "calls out to each region");
        assertTrue(callersByCountry.get("+61") > callersByCountry.get("+44") + callersByCountry.get("+1"), "mostly local: " + callersByCountry);
    }

    @Test
    void everyUserHasADirectNumberOfTheirOwnInTheMainNumbersBlock() {
        for (Region region : Region.values()) {
            Set<String> numbers = new HashSet<>(List.of(region.mainNumber()));
            for (Region.User user : region.users()) {
                assertTrue(numbers.add(user.directNumber()), region + ": " + user + " shares a number");
                assertTrue(FICTIONAL_NUMBER.matcher(user.directNumber()).matches(), user.toString());
                assertEquals(region.mainNumber().substring(0, region.mainNumber().length() - 4),
                        user.directNumber().substring(0, user.directNumber().length() - 4), "in the main number's block: " + user);
            }
        }
    }

    @Test
    void aPickupIsAnsweredWithTheStarStarCode() throws InvalidProtocolBufferException {
        SimulationPlan.Call pickup = calls(new SimulationPlan(List.of("acme"), ScenarioMix.parse("pickup"), 1, 10, "r", 3)).get(0);
        assertEquals(List.of(CallEvent.Kind.CALL_STARTED, CallEvent.Kind.CALL_ANSWERED), kinds(pickup));
        assertEquals(CallEvent.AnswerMethod.PICKUP, pickup.events().get(1).getPayload().unpack(CallEvent.class).getAnswerMethod());
        SimulationPlan.Call ivr = calls(new SimulationPlan(List.of("acme"), ScenarioMix.parse("ivr"), 1, 10, "r", 3)).get(0);
        assertEquals(List.of(CallEvent.Kind.CALL_STARTED, CallEvent.Kind.IVR_ENTERED, CallEvent.Kind.IVR_OPTION_SELECTED, CallEvent.Kind.CALL_ANSWERED), kinds(ivr));
    }

    private static String country(String number) {
        return List.of("+61", "+44", "+1").stream().filter(number::startsWith).findFirst().orElseThrow(() -> new AssertionError(number));
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
