package io.pbxhooks.server.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.server.matching.IndexChangeFeed;
import io.pbxhooks.server.metrics.PbxhooksMetrics;
import io.pbxhooks.server.persistence.JdbcAuditLog;
import io.pbxhooks.server.persistence.Sql;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches off an integration whose receiver is gone: at once on {@code 410 Gone}, or when every attempt has
 * failed for {@code pbxhooks.delivery.auto-disable-after} (default 24 h). The reason shows in GetIntegration;
 * an administrator re-enables it. Its events are not queued while it is off.
 *
 * <p>"Every attempt has failed" holds across nodes: the first failure sets {@code failing_since}, any success clears
 * it (a node that keeps seeing successes clears it again once every tenth of the period, at most a minute), so a node
 * that sees only failures does not disable an integration another node delivers to.
 */
@Singleton
class IntegrationHealth {

    static final String SERVER_ACTOR = "pbxhooks-server";
    private static final Logger LOG = LoggerFactory.getLogger(IntegrationHealth.class);

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final JdbcAuditLog audit;
    private final IndexChangeFeed indexChanges;
    private final Duration disableAfter;
    private final PbxhooksMetrics metrics;
    /**
     * When this node last cleared each integration's failing_since after a success: further successes clear it again only
     * once {@link #clearInterval} has passed, so a success rarely costs a database write, yet a node that sees only
     * successes keeps clearing what a node that sees only failures sets.
     */
    private final Map<String, Instant> clearedAt = new ConcurrentHashMap<>();
    private final Duration clearInterval;
    /**
     * Since when integrations this node knows to be failing have failed, so a failure before the period ends costs no
     * database work: a receiver that hangs should cost the others nothing. The decision to disable reads the database.
     */
    private final Map<String, Instant> knownFailingSince = new ConcurrentHashMap<>();

    IntegrationHealth(Sql sql, TransactionOperations<Connection> transactions, JdbcAuditLog audit, IndexChangeFeed indexChanges,
                      @Value("${pbxhooks.delivery.auto-disable-after:24h}") Duration disableAfter, PbxhooksMetrics metrics) {
        this.metrics = metrics;
        this.sql = sql;
        this.transactions = transactions;
        this.audit = audit;
        this.indexChanges = indexChanges;
        this.disableAfter = disableAfter;
        this.clearInterval = clearInterval(disableAfter);
    }

    /** A tenth of the period, at most a minute: a success clears failing_since soon enough to count well within the period. */
    static Duration clearInterval(Duration disableAfter) {
        Duration tenth = disableAfter.dividedBy(10);
        return tenth.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : tenth;
    }

    void succeeded(String integrationId, Instant now) {
        knownFailingSince.remove(integrationId);
        Instant cleared = clearedAt.get(integrationId);
        if (cleared != null && cleared.plus(clearInterval).isAfter(now)) {
            return;
        }
        // One writer per interval: the many attempts to one integration that finish together write once, not each
        // queueing for the integration's row lock on the threads that complete attempts.
        boolean mine = cleared == null ? clearedAt.putIfAbsent(integrationId, now) == null : clearedAt.replace(integrationId, cleared, now);
        if (!mine) {
            return;
        }
        try {
            transactions.execute(DeliveryClaims.READ_COMMITTED, status -> sql.update(
                    "UPDATE integrations SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL", integrationId));
        } catch (RuntimeException e) {
            clearedAt.remove(integrationId, now);
            throw e;
        }
    }

    void failed(String integrationId, DeliveryResult result, Instant now) {
        clearedAt.remove(integrationId);
        Instant knownSince = knownFailingSince.get(integrationId);
        if (knownSince != null && result.statusCode() != 410 && knownSince.plus(disableAfter).isAfter(now)) {
            return;
        }
        Optional<Instant> failingSince = transactions.executeWrite(status -> {
            sql.update("UPDATE integrations SET failing_since = ? WHERE id = ? AND failing_since IS NULL", now, integrationId);
            // Empty too when a success recorded meanwhile has cleared it.
            Optional<Instant> since = sql.queryOne("SELECT failing_since FROM integrations WHERE id = ? AND failing_since IS NOT NULL",
                    row -> Sql.instant(row, "failing_since"), integrationId);
            decide(integrationId, result, since, now);
            return since;
        });
        failingSince.ifPresent(since -> knownFailingSince.put(integrationId, since));
    }

    private void decide(String integrationId, DeliveryResult result, Optional<Instant> failingSince, Instant now) {
        if (result.statusCode() == 410) {
            disable(integrationId, "the receiver answered 410 Gone: it no longer accepts these webhooks", now);
        } else if (failingSince.isPresent() && !failingSince.get().plus(disableAfter).isAfter(now)) {
            disable(integrationId, "every delivery has failed since " + failingSince.get() + " (" + PeriodText.of(disableAfter)
                    + " or more); last: " + DeliveryOutcomes.truncate(result.detail()), now);
        }
    }

    private void disable(String integrationId, String reason, Instant now) {
        Optional<String> accountId = sql.queryOne("SELECT account_id FROM integrations WHERE id = ? AND enabled = ?",
                row -> row.getString("account_id"), integrationId, true);
        if (accountId.isEmpty()) {
            return;
        }
        String storedReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        int changed = sql.update("UPDATE integrations SET enabled = ?, disabled_reason = ?, version = version + 1, update_time = ? "
                + "WHERE id = ? AND enabled = ?", false, storedReason, now, integrationId, true);
        if (changed == 1) {
            audit.write(new AuditEntryDraft(accountId.get(), SERVER_ACTOR, "integration.auto_disable", "integration", integrationId, storedReason, now));
            indexChanges.record(accountId.get(), now);
            LOG.info("Integration {} of account {} disabled by the server: {}", integrationId, accountId.get(), storedReason);
        }
    }
}
