package io.pbxhooks.server.cli.simulation;

import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.hostedpbx.v1.CallEvent.Extension.CallCategory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The hosted PBX service of one account: the same service UUID, name and users on every run. The PBX is in one region;
 * its callers and the numbers its users call are mostly from there, the others from abroad.
 */
record SimulatedPbx(String accountId, Region region) {

    /** One call in this many is with a number abroad. */
    private static final int ABROAD_ONE_IN = 3;

    /** The accounts' PBXs, spread over the regions in turn. */
    static List<SimulatedPbx> of(List<String> accountIds) {
        Region[] regions = Region.values();
        return IntStream.range(0, accountIds.size())
                .mapToObj(index -> new SimulatedPbx(accountIds.get(index), regions[index % regions.length])).toList();
    }

    CallEvent.Service service() {
        String uuid = UUID.nameUUIDFromBytes(("pbxhooks simulated service " + accountId).getBytes(StandardCharsets.UTF_8)).toString();
        return CallEvent.Service.newBuilder().setUuid(uuid).setName(region.serviceName()).setFriendlyName(region.friendlyName()).build();
    }

    /** A caller, or a number a user calls: in the PBX's region, or one call in {@value #ABROAD_ONE_IN} in another. */
    String outsideNumber(Random random) {
        Region from = region;
        if (random.nextInt(ABROAD_ONE_IN) == 0) {
            List<Region> abroad = Arrays.stream(Region.values()).filter(other -> other != region).toList();
            from = abroad.get(random.nextInt(abroad.size()));
        }
        return from.outsideNumbers().get(random.nextInt(from.outsideNumbers().size()));
    }

    /** The users whose extension may call {@code number}: every user at home, only those allowed international calls abroad. */
    List<Region.User> usersWhoMayCall(String number) {
        boolean abroad = region.outsideNumbers().stream().noneMatch(number::equals);
        return region.users().stream().filter(user -> !abroad || mayCallAbroad(user)).toList();
    }

    /** A user's extension; every other user has voicemail and may call abroad. */
    CallEvent.Extension extension(Region.User user) {
        CallEvent.Extension.Builder extension = CallEvent.Extension.newBuilder()
                .setNumber(user.extension())
                .setName(user.name())
                .setOutboundPhoneNumber(user.directNumber())
                .setHasVoicemail(!mayCallAbroad(user))
                .addEnabledCalls(CallCategory.LOCAL)
                .addEnabledCalls(CallCategory.NATIONAL)
                .addEnabledCalls(CallCategory.MOBILE);
        if (mayCallAbroad(user)) {
            extension.addEnabledCalls(CallCategory.INTERNATIONAL);
        }
        return extension.build();
    }

    private boolean mayCallAbroad(Region.User user) {
        return region.users().indexOf(user) % 2 == 1;
    }
}
