package io.pbxhooks.server.ingest;

import io.pbxhooks.server.persistence.Sql;
import io.pbxhooks.spi.RawEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The (account, event id) pairs of a batch that are taken: already stored (one SELECT per few hundred events, through the
 * unique key) or claimed by an earlier event of the same batch.
 */
final class StoredEventIds {

    private static final int PAIRS_PER_QUERY = 500;

    private final Set<List<String>> taken;

    private StoredEventIds(Set<List<String>> taken) {
        this.taken = taken;
    }

    static StoredEventIds among(Sql sql, List<Outbox.Incoming> batch) {
        Set<List<String>> stored = new HashSet<>();
        for (int from = 0; from < batch.size(); from += PAIRS_PER_QUERY) {
            List<Outbox.Incoming> chunk = batch.subList(from, Math.min(batch.size(), from + PAIRS_PER_QUERY));
            List<Object> parameters = new ArrayList<>(chunk.size() * 2);
            chunk.forEach(incoming -> Collections.addAll(parameters, incoming.raw().accountId(), incoming.raw().eventId()));
            stored.addAll(sql.query("SELECT account_id, event_id FROM events WHERE "
                            + String.join(" OR ", Collections.nCopies(chunk.size(), "(account_id = ? AND event_id = ?)")),
                    row -> List.of(row.getString("account_id"), row.getString("event_id")), parameters.toArray()));
        }
        return new StoredEventIds(stored);
    }

    /** True for the first event of the batch with this id that is not stored yet; false for the rest. */
    boolean claim(RawEvent raw) {
        return taken.add(List.of(raw.accountId(), raw.eventId()));
    }
}
