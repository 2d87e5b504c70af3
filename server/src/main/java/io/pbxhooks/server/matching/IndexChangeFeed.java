package io.pbxhooks.server.matching;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.pbxhooks.server.persistence.Sql;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Records, in the transaction of a change, that an account's matching data changed: a row for the other nodes'
 * pollers, and an event that refreshes this node's index as soon as the transaction commits.
 */
@Singleton
public class IndexChangeFeed {

    private final Sql sql;
    private final ApplicationEventPublisher<IndexChanged> events;

    public IndexChangeFeed(Sql sql, ApplicationEventPublisher<IndexChanged> events) {
        this.sql = sql;
        this.events = events;
    }

    /** Must be called inside the transaction of the change. */
    public void record(String accountId, Instant time) {
        sql.update("INSERT INTO index_changes (account_id, change_time) VALUES (?, ?)", accountId, time);
        events.publishEvent(new IndexChanged(accountId));
    }
}
