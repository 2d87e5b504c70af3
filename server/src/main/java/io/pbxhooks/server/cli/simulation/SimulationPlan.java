package io.pbxhooks.server.cli.simulation;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.PublishRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * What to simulate: {@code calls} calls spread over the accounts in turn, scenarios from the mix. Event ids are
 * {@code sim-<run id>-<call>-<event>}, so running a plan again with the same run id publishes the same event ids.
 */
public record SimulationPlan(List<String> accountIds, ScenarioMix mix, int calls, double callsPerSecond, String runId, long seed) {

    public static final String SERVICE_TYPE = "hosted-pbx";

    public SimulationPlan {
        accountIds = List.copyOf(accountIds);
        if (accountIds.isEmpty() || calls < 0 || !(callsPerSecond > 0)) {
            throw new IllegalArgumentException("a plan needs accounts, a call count ≥ 0 and a rate > 0");
        }
    }

    /** One simulated call: the publish requests of its events, their occurred_at set when each is sent. */
    public record Call(int number, Scenario scenario, List<PublishRequest.Builder> events) {
    }

    /** The calls, made one at a time as the simulation reaches them. */
    Iterator<Call> plannedCalls() {
        Random random = new Random(seed);
        List<SimulatedPbx> pbxs = SimulatedPbx.of(accountIds);
        List<Scenario> scenarios = mix.scenarios(calls, random);
        return new Iterator<>() {
            private int number = 1;

            @Override
            public boolean hasNext() {
                return number <= calls;
            }

            @Override
            public Call next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Call call = call(number, scenarios.get(number - 1), pbxs.get((number - 1) % pbxs.size()), random);
                number++;
                return call;
            }
        };
    }

    private Call call(int number, Scenario scenario, SimulatedPbx pbx, Random random) {
        List<CallEvent> events = CallScript.events(scenario, pbx, random);
        List<PublishRequest.Builder> requests = new ArrayList<>(events.size());
        for (int index = 0; index < events.size(); index++) {
            requests.add(PublishRequest.newBuilder()
                    .setEventId("sim-" + runId + "-" + number + "-" + (index + 1))
                    .setAccountId(pbx.accountId())
                    .setServiceType(SERVICE_TYPE)
                    .setPayload(Any.pack(events.get(index))));
        }
        return new Call(number, scenario, requests);
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
