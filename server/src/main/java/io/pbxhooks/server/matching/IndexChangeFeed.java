package io.pbxhooks.server.matching;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.pbxhooks.server.persistence.Sql;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;

/**
 * Records, in the transaction of a change, that an account's matching data changed: a row for the other nodes'
 * pollers, and for this node's index a mark that lasts until the transaction completes, then a refresh.
 */
@Singleton
public class IndexChangeFeed {

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final MatchIndex index;

    public IndexChangeFeed(Sql sql, TransactionOperations<Connection> transactions, MatchIndex index) {
        this.sql = sql;
        this.transactions = transactions;
        this.index = index;
    }

    /** Must be called inside the transaction of the change. */
    public void record(String accountId, Instant time) {
        TransactionStatus<?> transaction = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("an index change must be recorded in the transaction of the change"));
        sql.update("INSERT INTO index_changes (account_id, change_time) VALUES (?, ?)", accountId, time);
        index.changeStarted(accountId);
        transaction.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(Status status) {
                index.changeCompleted(accountId);
            }
        });
    }
}
