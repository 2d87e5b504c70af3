package io.pbxhooks.server.delivery;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.json.JsonMapper;
import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.model.Exchange;
import io.pbxhooks.server.persistence.Sql;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an attempt and moves its delivery out of IN_FLIGHT, in one transaction. The state change is
 * conditional on this node still holding the lease for this attempt; if another node has taken the delivery
 * over meanwhile, only the attempt is recorded.
 */
@Singleton
class DeliveryOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryOutcomes.class);
    private static final int MAX_ERROR_LENGTH = 500;

    enum Next { SUCCEEDED, RETRY_SCHEDULED, FAILED }

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    DeliveryOutcomes(Sql sql, TransactionOperations<Connection> transactions, JsonMapper json) {
        this.sql = sql;
        this.transactions = transactions;
        this.json = json;
    }

    /** One finished attempt to record. @param retryAt when to try again, for {@link Next#RETRY_SCHEDULED}; null otherwise */
    record Finished(ClaimedDelivery delivery, AttemptLog attempt, Next next, Instant retryAt, Instant now) {
    }

    private static final String STATE_CHANGE = "UPDATE deliveries SET state = ?, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL, "
            + "last_status_code = ?, last_error = ?, update_time = ? WHERE id = ? AND state = 'IN_FLIGHT' AND lease_owner = ? AND attempt_count = ?";
    private static final String ATTEMPT_INSERT = "INSERT INTO delivery_attempts (delivery_id, number, start_time, duration_ms, outcome, "
            + "status_code, detail, request, response_headers, response_excerpt) VALUES ";
    private static final String ATTEMPT_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int ATTEMPTS_PER_STATEMENT = 500;

    /** @param retryAt when to try again, for {@link Next#RETRY_SCHEDULED}; null otherwise */
    void record(String node, ClaimedDelivery delivery, AttemptLog attempt, Next next, Instant retryAt, Instant now) {
        recordAll(node, List.of(new Finished(delivery, attempt, next, retryAt, now)));
    }

    /**
     * Many finished attempts in one transaction: their attempt rows in multi-row INSERTs, their state changes in one JDBC
     * batch, each still conditional on this node holding that attempt's lease (its row count checked one by one).
     */
    void recordAll(String node, List<Finished> finished) {
        // Read committed, as claims are: no gap locks on the indexes the state change moves the rows in.
        transactions.execute(DeliveryClaims.READ_COMMITTED, status -> {
            for (int from = 0; from < finished.size(); from += ATTEMPTS_PER_STATEMENT) {
                List<Finished> chunk = finished.subList(from, Math.min(finished.size(), from + ATTEMPTS_PER_STATEMENT));
                List<Object> parameters = new ArrayList<>(chunk.size() * 10);
                chunk.forEach(one -> addAttemptRow(one.delivery().id(), one.delivery().attempt(), one.attempt(), parameters));
                sql.update(ATTEMPT_INSERT + String.join(", ", Collections.nCopies(chunk.size(), ATTEMPT_VALUES)), parameters.toArray());
            }
            List<Object[]> changes = new ArrayList<>(finished.size());
            for (Finished one : finished) {
                DeliveryResult result = one.attempt().result();
                changes.add(new Object[] {one.next().name(), one.retryAt(), result.statusCode(),
                        one.next() == Next.SUCCEEDED ? null : truncate(result.detail()), one.now(), one.delivery().id(), node,
                        one.delivery().attempt()});
            }
            int[] changed = sql.updateBatch(STATE_CHANGE, changes);
            for (int index = 0; index < finished.size(); index++) {
                logChange(finished.get(index), changed[index]);
            }
            return null;
        });
    }

    private static void logChange(Finished finished, int changed) {
        ClaimedDelivery delivery = finished.delivery();
        if (changed != 0 && finished.next() == Next.FAILED) {
            LOG.info("Delivery {} of integration {} failed for good after {} attempt(s): {}", delivery.id(), delivery.integrationId(),
                    delivery.attempt(), truncate(finished.attempt().result().detail()));
        }
        if (changed == 0) {
            LOG.warn("Delivery {} attempt {} finished after its lease passed to another node; only the attempt is recorded",
                    delivery.id(), delivery.attempt());
        }
    }

    static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    private void addAttemptRow(String deliveryId, int number, AttemptLog attempt, List<Object> parameters) {
        DeliveryResult result = attempt.result();
        Exchange exchange = result.exchangeIfAny().orElse(Exchange.requestOnly(""));
        String headers;
        try {
            headers = json.writeValueAsString(exchange.responseHeaders());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.addAll(parameters, deliveryId, number, attempt.started(), attempt.took().toMillis(), result.outcome().name(), result.statusCode(),
                truncate(result.detail()), exchange.request(), headers, exchange.responseExcerpt());
    }

    /** One attempt as the attempt log keeps it; the transport's result carries the exchange, secrets redacted. */
    record AttemptLog(Instant started, Duration took, DeliveryResult result) {
    }
}
