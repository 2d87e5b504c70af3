package io.pbxhooks.server.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import io.pbxhooks.server.ingest.EventFieldsCodec;
import io.pbxhooks.server.persistence.Sql;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Leases due deliveries to this node in one short transaction: on MySQL/MariaDB {@code SELECT … FOR UPDATE SKIP LOCKED} so that
 * nodes claiming at the same time take different rows, then a conditional update to IN_FLIGHT whose row count
 * is checked. A delivery whose lease ended (its node died) is due again. A delivery waits while an earlier
 * delivery of the same integration and ordering key (one call) is not final.
 *
 * <p>The claim leaves out what the {@link ClaimExclusions} name: integrations whose destination already has a round of
 * deliveries waiting on this node, then accounts at their share, whose deliveries are claimed in a second pass only
 * for the room the others left.
 */
@Singleton
class DeliveryClaims {

    /**
     * Three ways a delivery is due, each claimed by its own query so that each walks an index in order and stops at its
     * LIMIT: PENDING and RETRY_SCHEDULED by (state, next_attempt_at), a dead node's IN_FLIGHT by (state, lease_until).
     * One query with their OR made the database read and sort every due row on each claim — all of them on H2 — so
     * claiming slowed down as the backlog grew.
     */
    private static final List<String> DUE = List.of(
            "d.state = 'PENDING' AND d.next_attempt_at <= ?",
            "d.state = 'RETRY_SCHEDULED' AND d.next_attempt_at <= ?",
            "d.state = 'IN_FLIGHT' AND d.lease_until < ? AND d.test = ?");
    private static final List<String> IN_INDEX_ORDER = List.of(" ORDER BY d.next_attempt_at", " ORDER BY d.next_attempt_at", " ORDER BY d.lease_until");
    private static final String NOT_BEHIND_AN_EARLIER = " AND NOT EXISTS (SELECT 1 FROM deliveries earlier WHERE earlier.integration_id = d.integration_id "
            + "AND earlier.ordering_key = d.ordering_key AND earlier.event_row_id < d.event_row_id "
            + "AND earlier.state IN ('PENDING', 'RETRY_SCHEDULED', 'IN_FLIGHT'))";
    private static final String LOCKED = " LIMIT ? FOR UPDATE SKIP LOCKED";
    /**
     * On H2, {@code FOR UPDATE} locks every row the query matches, not only those within the LIMIT: with a backlog each
     * claim wrote a lock for every due delivery and delivery collapsed (BENCHMARKS.md). The embedded H2 database serves one
     * node, whose single dispatcher thread is the only claimer, so it claims without locking what it reads; the
     * conditional update below still takes only rows that are due.
     */
    private static final String UNLOCKED = " LIMIT ?";

    /**
     * On MySQL/MariaDB, repeatable read (their default) would lock the gaps the claim scans and block the inserts of
     * ingest and the outcome updates, up to deadlocks; under read committed the claim locks only the rows it takes.
     */
    static final TransactionDefinition READ_COMMITTED = readCommitted();

    /**
     * A claim reads the oldest {@value}× as many due deliveries of each kind as it may take (at least
     * {@link #MIN_WINDOW}), and leaves out the excluded there.
     */
    private static final int WINDOW_FACTOR = 4;
    private static final int MIN_WINDOW = 128;
    /** A scan past the window spends at most a quarter of the claims' time: after a scan that took t, none for 3 t. */
    private static final int SCAN_COST_FACTOR = 3;

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final EventFieldsCodec fields;
    private final String lockingClause;
    /** Used by the dispatcher's one thread. */
    private Instant nextScanPastWindow = Instant.MIN;
    private boolean scanDeferred;

    DeliveryClaims(Sql sql, TransactionOperations<Connection> transactions, EventFieldsCodec fields,
                   @Value("${pbxhooks.datasource.url}") String databaseUrl) {
        this.sql = sql;
        this.transactions = transactions;
        this.fields = fields;
        this.lockingClause = databaseUrl.startsWith("jdbc:h2:") ? UNLOCKED : LOCKED;
    }

    /**
     * @param everyKind also retries falling due and deliveries whose lease ended, and test sends abandoned; otherwise only
     *                  new deliveries, the hot path right after ingest commits (three statements per claim instead of seven)
     */
    List<ClaimedDelivery> claim(String node, int max, Instant now, Duration lease, ClaimExclusions exclusions, boolean everyKind) {
        int kinds = everyKind ? DUE.size() : 1;
        return transactions.execute(READ_COMMITTED, status -> {
            if (everyKind) {
                failAbandonedTestSends(now);
            }
            Window window = window(now, max, kinds, exclusions);
            List<String> ids = window.ids();
            boolean scanWanted = ids.size() < max && window.full();
            scanDeferred = scanWanted && now.isBefore(nextScanPastWindow);
            if (scanWanted && !scanDeferred) {
                ids = scanPastWindow(now, max, kinds, exclusions);
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            List<Object> parameters = new ArrayList<>(List.of(node, now.plus(lease), now));
            parameters.addAll(ids);
            parameters.addAll(List.of(now, now));
            int leased = sql.update("UPDATE deliveries SET state = 'IN_FLIGHT', lease_owner = ?, lease_until = ?, attempt_count = attempt_count + 1, "
                    + "update_time = ? WHERE id IN (" + placeholders(ids.size()) + ") AND (state IN ('PENDING', 'RETRY_SCHEDULED') "
                    + "AND next_attempt_at <= ? OR state = 'IN_FLIGHT' AND lease_until < ?)", parameters.toArray());
            if (leased != ids.size()) {
                throw new IllegalStateException("leased " + leased + " of " + ids.size() + " locked deliveries");
            }
            return load(ids);
        });
    }

    /** When the last claim put off a scan past its window (it may find more then); empty if it did not. */
    Optional<Instant> deferredScan() {
        return scanDeferred ? Optional.of(nextScanPastWindow) : Optional.empty();
    }

    /**
     * A test send is never retried: if its node stopped while sending, it simply failed. Found without locks and
     * updated by id, so the claim locks no row it does not change: a blanket update would scan, and lock, the rows
     * whose outcomes are being recorded meanwhile, and deadlock with them.
     */
    private void failAbandonedTestSends(Instant now) {
        List<String> abandoned = sql.query("SELECT id FROM deliveries WHERE state = 'IN_FLIGHT' AND lease_until < ? AND test = ?",
                row -> row.getString("id"), now, true);
        for (String id : abandoned) {
            sql.update("UPDATE deliveries SET state = 'FAILED', lease_owner = NULL, lease_until = NULL, update_time = ?, "
                    + "last_error = 'the node sending this test event stopped before it finished' "
                    + "WHERE id = ? AND state = 'IN_FLIGHT' AND lease_until < ? AND test = ?", now, id, now, true);
        }
    }

    /**
     * Gives back claimed deliveries that were not attempted, as if they had not been claimed: due again at once, their
     * attempt counts as before. Each conditional on this node still holding it for this attempt.
     */
    void release(String node, List<ClaimedDelivery> deliveries, Instant now) {
        List<Object[]> rows = deliveries.stream().map(delivery -> new Object[] {now, delivery.id(), node, delivery.attempt()}).toList();
        transactions.execute(READ_COMMITTED, status -> sql.updateBatch("UPDATE deliveries SET state = CASE WHEN attempt_count > 1 "
                + "THEN 'RETRY_SCHEDULED' ELSE 'PENDING' END, attempt_count = attempt_count - 1, lease_owner = NULL, lease_until = NULL, "
                + "update_time = ? WHERE id = ? AND state = 'IN_FLIGHT' AND lease_owner = ? AND attempt_count = ?", rows));
    }

    /** The deliveries to claim among the oldest due, and whether a kind had more due than the window read. */
    private record Window(List<String> ids, boolean full) {
    }

    /**
     * The first {@code max} due deliveries among the oldest {@link #WINDOW_FACTOR}×{@code max} of each kind (at least
     * {@link #MIN_WINDOW}; only {@code max} when nothing is excluded), the
     * exclusions applied here: however many due deliveries they leave out, a claim reads no more than its window. (With
     * the exclusions in the query, a claim read every excluded row before the LIMIT: with a backlog for one receiver
     * whose line was full, about a second per claim on MariaDB, and delivery collapsed.) The rows read beyond those
     * taken stay locked only until this short transaction ends.
     */
    private Window window(Instant now, int max, int kinds, ClaimExclusions exclusions) {
        // Without exclusions the window is the claim itself: reading (and locking) more would buy nothing.
        boolean excluding = !exclusions.integrations().isEmpty() || !exclusions.accountsAtShare().isEmpty();
        int size = excluding ? Math.max(MIN_WINDOW, WINDOW_FACTOR * max) : max;
        Due due = due(now, kinds, size, "", List.of());
        List<String> ids = new ArrayList<>();
        List<String> ofAccountsAtShare = new ArrayList<>();
        for (Candidate candidate : due.oldestFirst()) {
            if (exclusions.integrations().containsKey(candidate.integrationId())) {
                continue;
            }
            if (exclusions.accountsAtShare().contains(candidate.accountId())) {
                ofAccountsAtShare.add(candidate.id());
            } else if (ids.size() < max) {
                ids.add(candidate.id());
            }
        }
        int borrowed = Math.max(0, Math.min(Math.min(max - ids.size(), exclusions.roomAtShare()), ofAccountsAtShare.size()));
        ids.addAll(ofAccountsAtShare.subList(0, borrowed));
        return new Window(ids, due.someKindFull());
    }

    /**
     * Past the window, for due deliveries behind a backlog the exclusions leave out (another receiver's, an account's
     * beyond its share): the exclusions in the queries, which read every excluded row before their LIMIT. After a scan
     * that took t, the next comes no sooner than 3 t later, so that scans take at most a quarter of the time: a scan of
     * a few hundred rows is hardly held back, one that reads a backlog of a hundred thousand is.
     */
    private List<String> scanPastWindow(Instant now, int max, int kinds, ClaimExclusions exclusions) {
        long started = System.nanoTime();
        Set<String> atShare = exclusions.accountsAtShare();
        List<String> ids = new ArrayList<>(claimable(now, max, kinds, exclusions.integrations(), "NOT IN", atShare));
        int borrowed = Math.min(max - ids.size(), exclusions.roomAtShare());
        if (borrowed > 0 && !atShare.isEmpty()) {
            ids.addAll(claimable(now, borrowed, kinds, exclusions.integrations(), "IN", atShare));
        }
        nextScanPastWindow = now.plus(Duration.ofNanos(System.nanoTime() - started).multipliedBy(SCAN_COST_FACTOR));
        return ids;
    }

    /**
     * The first {@code max} due deliveries, oldest due first: up to {@code max} of each of the first {@code kinds} kinds,
     * merged. The rows beyond {@code max} stay locked only until this short transaction ends.
     *
     * @param accountTest {@code NOT IN} to leave out {@code accounts}, {@code IN} to take only theirs
     */
    private List<String> claimable(Instant now, int max, int kinds, Map<String, Long> excludedIntegrations, String accountTest,
                                   Set<String> accounts) {
        StringBuilder filter = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        if (!excludedIntegrations.isEmpty()) {
            filter.append(" AND NOT EXISTS (SELECT 1 FROM integrations i WHERE i.id = d.integration_id AND (")
                    .append(String.join(" OR ", Collections.nCopies(excludedIntegrations.size(), "(i.id = ? AND i.version = ?)")))
                    .append("))");
            excludedIntegrations.forEach((id, version) -> Collections.addAll(parameters, id, version));
        }
        if (!accounts.isEmpty()) {
            filter.append(" AND d.account_id ").append(accountTest).append(" (").append(placeholders(accounts.size())).append(")");
            parameters.addAll(accounts);
        }
        return due(now, kinds, max, filter.toString(), parameters).oldestFirst().stream().limit(max).map(Candidate::id).toList();
    }

    /** Due deliveries, oldest due first, and whether some kind had more due than were read. */
    private record Due(List<Candidate> oldestFirst, boolean someKindFull) {
    }

    /**
     * Up to {@code limit} due deliveries of each of the first {@code kinds} kinds, each kind read by its own query walking
     * its index in order, with {@code filter} (and its parameters) added to each; merged oldest due first.
     */
    private Due due(Instant now, int kinds, int limit, String filter, List<Object> filterParameters) {
        List<Candidate> candidates = new ArrayList<>();
        boolean someKindFull = false;
        for (int kind = 0; kind < kinds; kind++) {
            boolean leaseEnded = kind == 2;
            List<Object> parameters = new ArrayList<>(leaseEnded ? List.of(now, false) : List.of(now));
            parameters.addAll(filterParameters);
            parameters.add(limit);
            List<Candidate> ofKind = sql.query("SELECT d.id, d.integration_id, d.account_id, d.next_attempt_at, d.lease_until, d.event_row_id "
                            + "FROM deliveries d WHERE " + DUE.get(kind) + NOT_BEHIND_AN_EARLIER + filter + IN_INDEX_ORDER.get(kind) + lockingClause,
                    row -> new Candidate(row.getString("id"), Sql.instant(row, leaseEnded ? "lease_until" : "next_attempt_at"),
                            row.getLong("event_row_id"), row.getString("integration_id"), row.getString("account_id")), parameters.toArray());
            someKindFull |= ofKind.size() == limit;
            candidates.addAll(ofKind);
        }
        candidates.sort(Comparator.comparing(Candidate::due).thenComparingLong(Candidate::eventRowId));
        return new Due(candidates, someKindFull);
    }

    private record Candidate(String id, Instant due, long eventRowId, String integrationId, String accountId) {
    }

    private List<ClaimedDelivery> load(List<String> ids) {
        return sql.query("SELECT d.id, d.account_id, d.integration_id, i.version AS integration_version, d.attempt_count, d.service_type, "
                        + "d.event_type, e.occurred_at, e.fields FROM deliveries d JOIN events e ON e.id = d.event_row_id "
                        + "LEFT JOIN integrations i ON i.id = d.integration_id WHERE d.id IN (" + placeholders(ids.size()) + ") ORDER BY e.id",
                row -> new ClaimedDelivery(row.getString("id"), row.getString("account_id"), row.getString("integration_id"),
                        row.getObject("integration_version", Long.class), row.getInt("attempt_count"), row.getString("service_type"),
                        row.getString("event_type"), Sql.instant(row, "occurred_at"), fields.decode(row.getString("fields"))),
                ids.toArray());
    }

    private static TransactionDefinition readCommitted() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition(TransactionDefinition.Propagation.REQUIRED);
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        return definition;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
