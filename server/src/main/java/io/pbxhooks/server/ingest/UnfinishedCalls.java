package io.pbxhooks.server.ingest;

import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.server.persistence.Sql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The (integration, ordering key) pairs — an integration and a call — that have a delivery not yet final, stored or
 * earlier in the batch being written: a new delivery for such a pair must wait behind it, so it is stored due for a
 * claim rather than handed over. Looked up in one statement (per 10,000 parameters) through the index on
 * (integration, ordering key): a {@code UNION ALL} of one part per integration with its keys in an IN list on
 * MySQL/MariaDB, whose range optimizer seeks each pair; of one part per pair on H2, which would seek only the
 * integration for an IN list on the index's second column and read every delivery of it.
 */
final class UnfinishedCalls {

    /** Parameters per statement, well below what MySQL takes in one statement. */
    private static final int PARAMETERS_PER_QUERY = 10_000;
    private static final String PART = "SELECT integration_id, ordering_key FROM deliveries WHERE integration_id = ? AND ordering_key ";
    private static final String UNFINISHED = " AND state IN ('PENDING', 'RETRY_SCHEDULED', 'IN_FLIGHT')";

    private final Set<List<String>> unfinished;

    private UnfinishedCalls(Set<List<String>> unfinished) {
        this.unfinished = unfinished;
    }

    /**
     * Those among the pairs of the batch's deliveries; nothing is asked about events without an ordering key.
     *
     * @param partPerPair one part of the UNION per pair (H2) rather than per integration
     */
    static UnfinishedCalls among(Sql sql, List<Outbox.Incoming> batch, boolean partPerPair) {
        Map<String, Set<String>> keysByIntegration = new LinkedHashMap<>();
        for (Outbox.Incoming incoming : batch) {
            String orderingKey = incoming.event().flatMap(TriggerEvent::ordering).orElse(null);
            if (orderingKey != null) {
                incoming.integrationIds().forEach(integrationId ->
                        keysByIntegration.computeIfAbsent(integrationId, id -> new LinkedHashSet<>()).add(orderingKey));
            }
        }
        Set<List<String>> unfinished = new HashSet<>();
        for (Lookup lookup : lookups(keysByIntegration, partPerPair)) {
            unfinished.addAll(sql.query(lookup.sql(), row -> List.of(row.getString("integration_id"), row.getString("ordering_key")),
                    lookup.parameters().toArray()));
        }
        return new UnfinishedCalls(unfinished);
    }

    /** One statement and its parameters. */
    record Lookup(String sql, List<Object> parameters) {
    }

    /** The statements that look up the pairs: usually one. */
    static List<Lookup> lookups(Map<String, Set<String>> keysByIntegration, boolean partPerPair) {
        List<Lookup> lookups = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Map.Entry<String, Set<String>> integration : keysByIntegration.entrySet()) {
            List<Set<String>> keyGroups = partPerPair ? integration.getValue().stream().map(Set::of).toList() : List.of(integration.getValue());
            for (Set<String> keys : keyGroups) {
                parts.add(PART + (keys.size() == 1 ? "= ?" : "IN (" + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")") + UNFINISHED);
                parameters.add(integration.getKey());
                parameters.addAll(keys);
                if (parameters.size() >= PARAMETERS_PER_QUERY) {
                    lookups.add(new Lookup(String.join(" UNION ALL ", parts), List.copyOf(parameters)));
                    parts.clear();
                    parameters.clear();
                }
            }
        }
        if (!parts.isEmpty()) {
            lookups.add(new Lookup(String.join(" UNION ALL ", parts), List.copyOf(parameters)));
        }
        return lookups;
    }

    /**
     * Whether a new delivery of the integration with this ordering key is free to start now; either way it is unfinished
     * from now on, so that a later one of the batch waits behind it. A delivery without an ordering key waits for nothing.
     */
    boolean startsFree(String integrationId, String orderingKey) {
        return orderingKey == null || unfinished.add(List.of(integrationId, orderingKey));
    }
}
