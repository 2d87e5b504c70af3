package io.pbxhooks.server.cli.simulation;

import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.hostedpbx.v1.CallEvent.AnswerMethod;
import io.pbxhooks.hostedpbx.v1.CallEvent.Direction;
import io.pbxhooks.hostedpbx.v1.CallEvent.Ivr;
import io.pbxhooks.hostedpbx.v1.CallEvent.Kind;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** The call events of one simulated call, in the order the PBX publishes them. */
final class CallScript {

    private static final List<String> IVR_NAMES = List.of("Main Menu", "After Hours", "Appointments");

    private CallScript() {
    }

    static List<CallEvent> events(Scenario scenario, SimulatedPbx pbx, Random random) {
        Region region = pbx.region();
        String caller = pbx.outsideNumber(random);
        Region.User user = pick(region.users(), random);
        CallEvent inbound = call(pbx, random).setDirection(Direction.INBOUND)
                .setSourceNumber(caller).setDestinationNumber(region.mainNumber()).build();
        CallEvent.Builder answered = inbound.toBuilder().setKind(Kind.CALL_ANSWERED).setExtension(pbx.extension(user));
        return switch (scenario) {
            case IVR -> {
                Ivr.Builder ivr = Ivr.newBuilder().setName(pick(IVR_NAMES, random));
                yield List.of(inbound,
                        inbound.toBuilder().setKind(Kind.IVR_ENTERED).setIvr(ivr).build(),
                        inbound.toBuilder().setKind(Kind.IVR_OPTION_SELECTED).setIvr(ivr.setOptionSelected(Integer.toString(1 + random.nextInt(4)))).build(),
                        answered.setAnswerMethod(AnswerMethod.DIRECT).build());
            }
            case ANSWERED -> List.of(inbound, answered.setAnswerMethod(AnswerMethod.DIRECT).build());
            case PICKUP -> List.of(inbound, answered.setAnswerMethod(AnswerMethod.PICKUP).build());
            case OUTBOUND -> {
                String called = pbx.outsideNumber(random);
                Region.User calling = pick(pbx.usersWhoMayCall(called), random);
                CallEvent placed = call(pbx, random).setDirection(Direction.OUTBOUND).setExtension(pbx.extension(calling))
                        .setSourceNumber(calling.directNumber()).setDestinationNumber(called).build();
                yield List.of(placed, placed.toBuilder().setKind(Kind.CALL_ANSWERED).build());
            }
        };
    }

    private static CallEvent.Builder call(SimulatedPbx pbx, Random random) {
        return CallEvent.newBuilder()
                .setKind(Kind.CALL_STARTED)
                .setService(pbx.service())
                .setCallUuid(callUuid(random));
    }

    /** A UUID from the simulation's random source, so that a seeded run repeats itself. */
    private static String callUuid(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return UUID.nameUUIDFromBytes(bytes).toString();
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
