package io.pbxhooks.server.delivery;

import io.pbxhooks.model.FieldValue;
import io.pbxhooks.model.TriggerEvent;
import java.time.Instant;
import java.util.Map;

/**
 * A delivery this node has leased for one attempt, with what it needs to build the request.
 *
 * @param integrationVersion the version of its integration when it was claimed; null if the integration was deleted
 */
record ClaimedDelivery(String id, String accountId, String integrationId, Long integrationVersion, int attempt, String serviceType,
                       String eventType, Instant occurredAt, Map<String, FieldValue> fields) {

    TriggerEvent event() {
        return new TriggerEvent(serviceType, eventType, occurredAt, fields);
    }
}
