package io.pbxhooks.server.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What the dispatcher can take in memory right now: room in its waiting line, less the integrations whose destination
 * has a full round waiting and the accounts at their share of the slots, the same rules a claim follows. Their
 * deliveries are stored due instead, and a claim takes them when it may. Used by one transaction's thread.
 */
public final class HandOffBudget {

    /** Nothing is handed over: delivery is off on this node, or it is stopping. */
    public static final HandOffBudget NONE = new HandOffBudget("", Duration.ZERO, 0, Set.of(), Set.of());

    private final String node;
    private final Duration lease;
    private final Set<String> excludedIntegrations;
    private final Set<String> accountsAtShare;
    private int room;

    HandOffBudget(String node, Duration lease, int room, Set<String> excludedIntegrations, Set<String> accountsAtShare) {
        this.node = node;
        this.lease = lease;
        this.room = room;
        this.excludedIntegrations = excludedIntegrations;
        this.accountsAtShare = accountsAtShare;
    }

    public boolean hasRoom() {
        return room > 0;
    }

    /** Takes room for one delivery of the integration, or false when it is stored due for a claim instead. */
    public boolean take(String accountId, String integrationId) {
        if (room <= 0 || excludedIntegrations.contains(integrationId) || accountsAtShare.contains(accountId)) {
            return false;
        }
        room--;
        return true;
    }

    /** The node the deliveries taken are leased to. */
    public String node() {
        return node;
    }

    public Instant leaseEnd(Instant from) {
        return from.plus(lease);
    }
}
