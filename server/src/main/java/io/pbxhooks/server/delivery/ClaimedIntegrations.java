package io.pbxhooks.server.delivery;

import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.server.persistence.JdbcIntegrationStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The integrations of claimed deliveries, read (and their secrets decrypted) once per version rather than once per
 * claim: a claim tells the version each delivery's integration has now, and only a version not yet seen is read.
 * Holds the {@value #CAPACITY} integrations used last. Used by the dispatcher's one thread.
 */
final class ClaimedIntegrations {

    static final int CAPACITY = 10_000;

    private final JdbcIntegrationStore store;
    private final Map<String, IntegrationRecord> lastUsed = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IntegrationRecord> eldest) {
            return size() > CAPACITY;
        }
    };

    ClaimedIntegrations(JdbcIntegrationStore store) {
        this.store = store;
    }

    /** The current version of each of the integrations that exist, for deliveries handed over without a claim. */
    Map<String, Long> versions(Collection<String> ids) {
        return store.versions(ids);
    }

    /** The integration of a claimed delivery as it is now; empty if it was deleted. */
    Optional<IntegrationRecord> of(ClaimedDelivery delivery) {
        if (delivery.integrationVersion() == null) {
            lastUsed.remove(delivery.integrationId());
            return Optional.empty();
        }
        IntegrationRecord known = lastUsed.get(delivery.integrationId());
        if (known != null && known.version() == delivery.integrationVersion()) {
            return Optional.of(known);
        }
        Optional<IntegrationRecord> read = store.find(delivery.integrationId());
        read.ifPresentOrElse(integration -> lastUsed.put(integration.id(), integration), () -> lastUsed.remove(delivery.integrationId()));
        return read;
    }
}
