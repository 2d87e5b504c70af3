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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final String SUCCEEDED_TOGETHER = "UPDATE deliveries SET state = 'SUCCEEDED', next_attempt_at = NULL, lease_owner = NULL, "
            + "lease_until = NULL, last_status_code = ?, last_error = NULL, update_time = ? WHERE id IN (";
    private static final String ATTEMPT_INSERT = "INSERT INTO delivery_attempts (delivery_id, number, start_time, duration_ms, outcome, "
            + "status_code, detail, request, response_headers, response_excerpt) VALUES ";
    private static final String ATTEMPT_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int ATTEMPTS_PER_STATEMENT = 500;

    /** @param retryAt when to try again, for {@link Next#RETRY_SCHEDULED}; null otherwise */
    void record(String node, ClaimedDelivery delivery, AttemptLog attempt, Next next, Instant retryAt, Instant now) {
        recordAll(node, List.of(new Finished(delivery, attempt, next, retryAt, now)));
    }

    /**
     * Many finished attempts in one transaction: their attempt rows in multi-row INSERTs, and their state changes, each
     * still conditional on this node holding that attempt's lease. The successes of the same attempt number and status
     * are changed by one statement; if it changes fewer rows than it names (a lease passed to another node), the
     * transaction is rolled back and run again with one conditional update per delivery, whose row counts tell which.
     */
    void recordAll(String node, List<Finished> finished) {
        try {
            record(node, finished, true);
        } catch (LeaseLostAmongSuccesses lost) {
            record(node, finished, false);
        }
    }

    /** Rolls back a set-based change of successes that did not change every row it named. */
    private static final class LeaseLostAmongSuccesses extends RuntimeException {
        LeaseLostAmongSuccesses() {
            super(null, null, false, false);
        }
    }

    private void record(String node, List<Finished> finished, boolean successesTogether) {
        // Read committed, as claims are: no gap locks on the indexes the state change moves the rows in.
        transactions.execute(DeliveryClaims.READ_COMMITTED, status -> {
            for (int from = 0; from < finished.size(); from += ATTEMPTS_PER_STATEMENT) {
                List<Finished> chunk = finished.subList(from, Math.min(finished.size(), from + ATTEMPTS_PER_STATEMENT));
                List<Object> parameters = new ArrayList<>(chunk.size() * 10);
                chunk.forEach(one -> addAttemptRow(one.delivery().id(), one.delivery().attempt(), one.attempt(), parameters));
                sql.update(ATTEMPT_INSERT + String.join(", ", Collections.nCopies(chunk.size(), ATTEMPT_VALUES)), parameters.toArray());
            }
            List<Finished> oneByOne = successesTogether ? changeSuccessesTogether(node, finished) : finished;
            List<Object[]> changes = new ArrayList<>(oneByOne.size());
            for (Finished one : oneByOne) {
                DeliveryResult result = one.attempt().result();
                changes.add(new Object[] {one.next().name(), one.retryAt(), result.statusCode(),
                        one.next() == Next.SUCCEEDED ? null : truncate(result.detail()), one.now(), one.delivery().id(), node,
                        one.delivery().attempt()});
            }
            int[] changed = changes.isEmpty() ? new int[0] : sql.updateBatch(STATE_CHANGE, changes);
            for (int index = 0; index < oneByOne.size(); index++) {
                logChange(oneByOne.get(index), changed[index]);
            }
            return null;
        });
    }

    /**
     * Changes the successes to SUCCEEDED, one statement per attempt number and status code (most often one in all);
     * returns the other outcomes, to be changed one by one.
     */
    private List<Finished> changeSuccessesTogether(String node, List<Finished> finished) {
        Map<List<Integer>, List<Finished>> successes = new LinkedHashMap<>();
        List<Finished> others = new ArrayList<>();
        for (Finished one : finished) {
            if (one.next() == Next.SUCCEEDED) {
                successes.computeIfAbsent(List.of(one.delivery().attempt(), one.attempt().result().statusCode()), key -> new ArrayList<>()).add(one);
            } else {
                others.add(one);
            }
        }
        successes.forEach((attemptAndStatus, group) -> {
            for (int from = 0; from < group.size(); from += ATTEMPTS_PER_STATEMENT) {
                List<Finished> chunk = group.subList(from, Math.min(group.size(), from + ATTEMPTS_PER_STATEMENT));
                List<Object> parameters = new ArrayList<>(chunk.size() + 4);
                parameters.add(attemptAndStatus.get(1));
                parameters.add(chunk.stream().map(Finished::now).max(Instant::compareTo).orElseThrow());
                chunk.forEach(one -> parameters.add(one.delivery().id()));
                parameters.add(node);
                parameters.add(attemptAndStatus.get(0));
                int changed = sql.update(SUCCEEDED_TOGETHER + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                        + ") AND state = 'IN_FLIGHT' AND lease_owner = ? AND attempt_count = ?", parameters.toArray());
                if (changed != chunk.size()) {
                    throw new LeaseLostAmongSuccesses();
                }
            }
        });
        return others;
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
