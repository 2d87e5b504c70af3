package io.pbxhooks.server.ingest;

import io.pbxhooks.server.persistence.Sql;
import io.pbxhooks.spi.RawEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The (account, event id) pairs of a batch that are taken: claimed by an earlier event of the same batch and, when
 * looked up, already stored (one SELECT per account of the batch and few hundred ids, through the unique key).
 */
final class StoredEventIds {

    private static final int IDS_PER_QUERY = 500;

    private final Set<List<String>> taken;

    private StoredEventIds(Set<List<String>> taken) {
        this.taken = taken;
    }

    /** Only the batch's own repeats: the database is not asked (the unique key still guards it). */
    static StoredEventIds none() {
        return new StoredEventIds(new HashSet<>());
    }

    static StoredEventIds among(Sql sql, List<Outbox.Incoming> batch) {
        Map<String, List<String>> idsByAccount = new LinkedHashMap<>();
        batch.forEach(incoming -> idsByAccount.computeIfAbsent(incoming.raw().accountId(), account -> new ArrayList<>())
                .add(incoming.raw().eventId()));
        Set<List<String>> stored = new HashSet<>();
        idsByAccount.forEach((accountId, eventIds) -> {
            for (int from = 0; from < eventIds.size(); from += IDS_PER_QUERY) {
                List<String> chunk = eventIds.subList(from, Math.min(eventIds.size(), from + IDS_PER_QUERY));
                List<Object> parameters = new ArrayList<>(chunk.size() + 1);
                parameters.add(accountId);
                parameters.addAll(chunk);
                stored.addAll(sql.query("SELECT event_id FROM events WHERE account_id = ? AND event_id IN ("
                                + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                        row -> List.of(accountId, row.getString("event_id")), parameters.toArray()));
            }
        });
        return new StoredEventIds(stored);
    }

    /** True for the first event of the batch with this id that is not stored yet; false for the rest. */
    boolean claim(RawEvent raw) {
        return taken.add(List.of(raw.accountId(), raw.eventId()));
    }
}
