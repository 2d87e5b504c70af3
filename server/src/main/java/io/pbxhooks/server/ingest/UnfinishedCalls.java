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
 * claim rather than handed over. Looked up through the index on (integration, ordering key), each integration's keys in
 * its own part of one UNION ALL: one statement, and exactly as many index lookups as deliveries asked about.
 */
final class UnfinishedCalls {

    /** Parameters per statement, well below what MySQL takes in one statement. */
    private static final int PARAMETERS_PER_QUERY = 10_000;

    private final Set<List<String>> unfinished;

    private UnfinishedCalls(Set<List<String>> unfinished) {
        this.unfinished = unfinished;
    }

    /** Those among the pairs of the batch's deliveries; nothing is asked about events without an ordering key. */
    static UnfinishedCalls among(Sql sql, List<Outbox.Incoming> batch) {
        Map<String, Set<String>> keysByIntegration = new LinkedHashMap<>();
        for (Outbox.Incoming incoming : batch) {
            String orderingKey = incoming.event().flatMap(TriggerEvent::ordering).orElse(null);
            if (orderingKey != null) {
                incoming.integrationIds().forEach(integrationId ->
                        keysByIntegration.computeIfAbsent(integrationId, id -> new LinkedHashSet<>()).add(orderingKey));
            }
        }
        Set<List<String>> unfinished = new HashSet<>();
        StringBuilder query = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (Map.Entry<String, Set<String>> integration : keysByIntegration.entrySet()) {
            if (!query.isEmpty()) {
                query.append(" UNION ALL ");
            }
            query.append("SELECT integration_id, ordering_key FROM deliveries WHERE integration_id = ? AND ordering_key IN (")
                    .append(String.join(", ", Collections.nCopies(integration.getValue().size(), "?")))
                    .append(") AND state IN ('PENDING', 'RETRY_SCHEDULED', 'IN_FLIGHT')");
            parameters.add(integration.getKey());
            parameters.addAll(integration.getValue());
            if (parameters.size() >= PARAMETERS_PER_QUERY) {
                unfinished.addAll(run(sql, query, parameters));
                query.setLength(0);
                parameters.clear();
            }
        }
        if (!parameters.isEmpty()) {
            unfinished.addAll(run(sql, query, parameters));
        }
        return new UnfinishedCalls(unfinished);
    }

    /**
     * Whether a new delivery of the integration with this ordering key is free to start now; either way it is unfinished
     * from now on, so that a later one of the batch waits behind it. A delivery without an ordering key waits for nothing.
     */
    boolean startsFree(String integrationId, String orderingKey) {
        return orderingKey == null || unfinished.add(List.of(integrationId, orderingKey));
    }

    private static List<List<String>> run(Sql sql, StringBuilder query, List<Object> parameters) {
        return sql.query(query.toString(), row -> List.of(row.getString("integration_id"), row.getString("ordering_key")), parameters.toArray());
    }
}
