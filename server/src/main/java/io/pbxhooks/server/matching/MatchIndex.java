package io.pbxhooks.server.matching;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.pbxhooks.server.persistence.Sql;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory answer to "which integrations does this event fire?". Loaded at startup, refreshed for an
 * account right after a change on this node completes, and for changes made on other nodes by polling the
 * {@code index_changes} feed every {@code pbxhooks.matching.poll-interval} (default 500 ms).
 *
 * <p>While a change to an account is in a transaction on this node, the account's events are matched against the
 * database rather than this index: once the change commits, an event matched after it sees it, even before the
 * refresh that follows the commit has run. Every read is numbered before it begins and the index keeps only the
 * latest-numbered read of an account, so a slow poll cannot put back data older than a refresh.
 *
 * <p>The feed is read by time with a look-back, not by id alone: an auto-increment id is assigned at insert,
 * so a transaction holding a lower id can commit after one holding a higher id.
 */
@Context
public class MatchIndex {

    static final String APPLICATION = "service-integrations";
    private static final Logger LOG = LoggerFactory.getLogger(MatchIndex.class);

    /** One account's matches as one read found them (empty: the account no longer exists), and the read's number. */
    record Snapshot(long sequence, Optional<AccountMatches> matches) {
    }

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final Map<String, Snapshot> accounts = new ConcurrentHashMap<>();
    /** Numbers reads as they begin: a read numbered higher began later, so it cannot find older data. */
    private final AtomicLong reads = new AtomicLong();
    /** Accounts whose matching data a transaction on this node is changing, and how many such transactions there are. */
    private final Map<String, Integer> changing = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pbxhooks-match-index");
        thread.setDaemon(true);
        return thread;
    });
    private static final Duration LOOK_BACK = Duration.ofSeconds(10);
    private static final Duration FEED_RETENTION = Duration.ofHours(1);

    private final Map<Long, Instant> changesApplied = new HashMap<>();
    private Instant lastPruned = Instant.now();

    MatchIndex(Sql sql, TransactionOperations<Connection> transactions,
               @Value("${pbxhooks.matching.poll-interval:500ms}") Duration pollInterval) {
        this.sql = sql;
        this.transactions = transactions;
        long sequence = reads.incrementAndGet();
        transactions.executeRead(status -> {
            sql.query("SELECT id FROM index_changes WHERE change_time >= ?", row -> changesApplied.put(row.getLong("id"), Instant.now()),
                    Instant.now().minus(LOOK_BACK));
            sql.query("SELECT id FROM accounts", row -> row.getString("id")).forEach(accountId -> keep(accountId, read(accountId, sequence)));
            return null;
        });
        LOG.info("Matching index loaded: {} accounts", accounts.size());
        poller.scheduleWithFixedDelay(this::pollChanges, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The enabled integrations of the account that the event fires; empty when the account's application is off. */
    public List<String> match(String accountId, String serviceType, String eventType) {
        if (changing.containsKey(accountId)) {
            refresh(accountId);
        }
        return matchesOf(accountId).map(account -> account.match(serviceType, eventType)).orElse(List.of());
    }

    /**
     * Whether the account exists. An account this node has not heard of yet (just created on another node) is
     * looked up in the database, so its first events are not refused.
     */
    public boolean knowsAccount(String accountId) {
        if (matchesOf(accountId).isEmpty() || changing.containsKey(accountId)) {
            refresh(accountId);
        }
        return matchesOf(accountId).isPresent();
    }

    /** Reads the account from the database now and keeps what it finds, unless a later read has been kept meanwhile. */
    public void refresh(String accountId) {
        keep(accountId, readNow(accountId));
    }

    /** Called in the transaction of a change to the account's matching data, which must then call {@link #changeCompleted}. */
    void changeStarted(String accountId) {
        changing.merge(accountId, 1, Integer::sum);
    }

    /** Called once the transaction of a change has committed or rolled back. */
    void changeCompleted(String accountId) {
        try {
            refresh(accountId);
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the matching data of account {} after a change (the poll will): {}", accountId, e.getMessage());
        } finally {
            changing.computeIfPresent(accountId, (id, count) -> count == 1 ? null : count - 1);
        }
    }

    /** A read of the account in a transaction of its own, numbered before it begins. */
    Snapshot readNow(String accountId) {
        long sequence = reads.incrementAndGet();
        return transactions.executeRead(status -> read(accountId, sequence));
    }

    /** Keeps {@code snapshot} unless a read that began later has been kept; an account never seen leaves no entry. */
    void keep(String accountId, Snapshot snapshot) {
        accounts.compute(accountId, (id, kept) -> {
            if (kept != null && kept.sequence() > snapshot.sequence()) {
                return kept;
            }
            return kept == null && snapshot.matches().isEmpty() ? null : snapshot;
        });
    }

    private Optional<AccountMatches> matchesOf(String accountId) {
        return Optional.ofNullable(accounts.get(accountId)).flatMap(Snapshot::matches);
    }

    /** Must run in a read transaction that began after {@code sequence} was drawn. */
    private Snapshot read(String accountId, long sequence) {
        if (sql.queryOne("SELECT 1 FROM accounts WHERE id = ?", row -> true, accountId).isEmpty()) {
            return new Snapshot(sequence, Optional.empty());
        }
        boolean applicationOn = sql.queryOne("SELECT 1 FROM account_applications WHERE account_id = ? AND application = ?",
                row -> true, accountId, APPLICATION).isPresent();
        Map<String, List<String>> byTrigger = new HashMap<>();
        sql.query("SELECT id, trigger_service_type, trigger_event FROM integrations WHERE account_id = ? AND enabled = ? ORDER BY create_time, id",
                row -> {
                    byTrigger.computeIfAbsent(AccountMatches.trigger(row.getString("trigger_service_type"), row.getString("trigger_event")),
                            key -> new ArrayList<>()).add(row.getString("id"));
                    return null;
                }, accountId, true);
        byTrigger.replaceAll((trigger, ids) -> List.copyOf(ids));
        return new Snapshot(sequence, Optional.of(new AccountMatches(applicationOn, Map.copyOf(byTrigger))));
    }

    private void pollChanges() {
        try {
            Instant now = Instant.now();
            long sequence = reads.incrementAndGet();
            transactions.executeRead(status -> {
                Set<String> changed = new LinkedHashSet<>();
                sql.query("SELECT id, account_id FROM index_changes WHERE change_time >= ?", row -> {
                    if (changesApplied.putIfAbsent(row.getLong("id"), now) == null) {
                        changed.add(row.getString("account_id"));
                    }
                    return null;
                }, now.minus(LOOK_BACK));
                changed.forEach(accountId -> keep(accountId, read(accountId, sequence)));
                return null;
            });
            changesApplied.values().removeIf(applied -> applied.isBefore(now.minus(LOOK_BACK.multipliedBy(2))));
            if (lastPruned.isBefore(now.minus(Duration.ofMinutes(1)))) {
                lastPruned = now;
                transactions.executeWrite(status -> sql.update("DELETE FROM index_changes WHERE change_time < ?", now.minus(FEED_RETENTION)));
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot read integration changes from the database (will retry): {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }
}
