package io.pbxhooks.server.cli.simulation;

import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.hostedpbx.v1.CallEvent.Extension.CallCategory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The hosted PBX service of one account: the same service UUID, name and users on every run. */
record SimulatedPbx(String accountId, Region region) {

    /** The accounts' PBXs, spread over the regions in turn. */
    static List<SimulatedPbx> of(List<String> accountIds) {
        Region[] regions = Region.values();
        return java.util.stream.IntStream.range(0, accountIds.size())
                .mapToObj(index -> new SimulatedPbx(accountIds.get(index), regions[index % regions.length])).toList();
    }

    CallEvent.Service service() {
        String uuid = UUID.nameUUIDFromBytes(("pbxhooks simulated service " + accountId).getBytes(StandardCharsets.UTF_8)).toString();
        return CallEvent.Service.newBuilder().setUuid(uuid).setName(region.serviceName()).setFriendlyName(region.friendlyName()).build();
    }

    /** A user's extension; every other user has voicemail and may call abroad. */
    CallEvent.Extension extension(Region.User user) {
        int index = region.users().indexOf(user);
        CallEvent.Extension.Builder extension = CallEvent.Extension.newBuilder()
                .setNumber(user.extension())
                .setName(user.name())
                .setOutboundPhoneNumber(region.directNumber(user))
                .setHasVoicemail(index % 2 == 0)
                .addEnabledCalls(CallCategory.LOCAL)
                .addEnabledCalls(CallCategory.NATIONAL)
                .addEnabledCalls(CallCategory.MOBILE);
        if (index % 2 == 1) {
            extension.addEnabledCalls(CallCategory.INTERNATIONAL);
        }
        return extension.build();
    }
}
