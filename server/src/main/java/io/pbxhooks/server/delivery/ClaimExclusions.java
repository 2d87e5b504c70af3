package io.pbxhooks.server.delivery;

import java.util.Map;
import java.util.Set;

/**
 * What the next claim leaves out, so that it does not take deliveries this node would not start.
 *
 * @param integrations    integrations (id to the version whose destination this node knows) sending to a destination
 *                        with a round of deliveries already waiting; a claim past its window of the oldest due
 *                        deliveries takes a changed or deleted integration's again, so its new destination is learned
 * @param accountsAtShare accounts with {@code max-in-flight-per-account} attempts in flight and a claim's worth more
 *                        waiting: claimed only for the room no other account's due deliveries want
 * @param roomAtShare     how many of those accounts' deliveries may be claimed at most: they may fill half the waiting
 *                        room, so the others' deliveries can always be claimed
 */
record ClaimExclusions(Map<String, Long> integrations, Set<String> accountsAtShare, int roomAtShare) {

    static final ClaimExclusions NONE = new ClaimExclusions(Map.of(), Set.of(), 0);

    ClaimExclusions {
        integrations = Map.copyOf(integrations);
        accountsAtShare = Set.copyOf(accountsAtShare);
    }
}
