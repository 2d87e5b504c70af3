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

    /** @param retryAt when to try again, for {@link Next#RETRY_SCHEDULED}; null otherwise */
    void record(String node, ClaimedDelivery delivery, AttemptLog attempt, Next next, Instant retryAt, Instant now) {
        DeliveryResult result = attempt.result();
        transactions.executeWrite(status -> {
            insertAttempt(delivery.id(), delivery.attempt(), attempt);
            int changed = sql.update("UPDATE deliveries SET state = ?, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL, "
                            + "last_status_code = ?, last_error = ?, update_time = ? "
                            + "WHERE id = ? AND state = 'IN_FLIGHT' AND lease_owner = ? AND attempt_count = ?",
                    next.name(), retryAt, result.statusCode(), next == Next.SUCCEEDED ? null : truncate(result.detail()), now,
                    delivery.id(), node, delivery.attempt());
            if (changed == 1 && next == Next.FAILED) {
                LOG.info("Delivery {} of integration {} failed for good after {} attempt(s): {}", delivery.id(), delivery.integrationId(),
                        delivery.attempt(), truncate(result.detail()));
            }
            if (changed == 0) {
                LOG.warn("Delivery {} attempt {} finished after its lease passed to another node; only the attempt is recorded",
                        delivery.id(), delivery.attempt());
            }
            return null;
        });
    }

    static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    private void insertAttempt(String deliveryId, int number, AttemptLog attempt) {
        DeliveryResult result = attempt.result();
        Exchange exchange = result.exchangeIfAny().orElse(Exchange.requestOnly(""));
        String headers;
        try {
            headers = json.writeValueAsString(exchange.responseHeaders());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sql.update("INSERT INTO delivery_attempts (delivery_id, number, start_time, duration_ms, outcome, status_code, detail, request, "
                        + "response_headers, response_excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                deliveryId, number, attempt.started(), attempt.took().toMillis(), result.outcome().name(), result.statusCode(),
                truncate(result.detail()), exchange.request(), headers, exchange.responseExcerpt());
    }

    /** One attempt as the attempt log keeps it; the transport's result carries the exchange, secrets redacted. */
    record AttemptLog(Instant started, Duration took, DeliveryResult result) {
    }
}
