package io.pbxhooks.server.delivery;

import io.pbxhooks.model.TriggerEvent;
import java.time.Instant;

/** A delivery stored already leased to this node for its first attempt, from {@code leasedAt}. */
public record HandedOff(String id, String accountId, String integrationId, TriggerEvent event, Instant leasedAt) {

    /** As a claim would have found it, its integration at {@code integrationVersion} (null: deleted). */
    ClaimedDelivery asClaimed(Long integrationVersion) {
        return new ClaimedDelivery(id, accountId, integrationId, integrationVersion, 1, event.serviceType(), event.eventType(),
                event.occurredAt(), event.fields());
    }
}
