package io.pbxhooks.server.delivery;

import io.micronaut.transaction.TransactionOperations;
import io.pbxhooks.admin.error.FailedPreconditionException;
import io.pbxhooks.admin.error.NotFoundException;
import io.pbxhooks.admin.port.AttemptRecord;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.admin.port.TestEventSender;
import io.pbxhooks.admin.port.TestSendResult;
import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.model.Payload;
import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.server.ingest.Outbox;
import io.pbxhooks.server.persistence.JdbcAuditLog;
import io.pbxhooks.server.persistence.Sql;
import io.pbxhooks.server.plugin.PluginRegistry;
import io.pbxhooks.spi.OutboundMessage;
import io.pbxhooks.spi.RawEvent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends an integration its trigger's sample event at once and records it as a test delivery: leased to this
 * node before the attempt (so the dispatcher leaves it alone), final after it (never retried).
 */
@Singleton
class TestEvents implements TestEventSender {

    /** Beyond the transport's own timeout (at most 30 s), so a stuck transport cannot hold the caller forever. */
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(40);

    private final PluginRegistry plugins;
    private final Outbox outbox;
    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final JdbcAuditLog audit;
    private final SenderCache senders;
    private final DeliveryOutcomes outcomes;
    private final JdbcDeliveryStore deliveries;
    private final NodeIdentity node;

    TestEvents(PluginRegistry plugins, Outbox outbox, Sql sql, TransactionOperations<Connection> transactions, JdbcAuditLog audit,
               SenderCache senders, DeliveryOutcomes outcomes, JdbcDeliveryStore deliveries, NodeIdentity node) {
        this.plugins = plugins;
        this.outbox = outbox;
        this.sql = sql;
        this.transactions = transactions;
        this.audit = audit;
        this.senders = senders;
        this.outcomes = outcomes;
        this.deliveries = deliveries;
        this.node = node;
    }

    @Override
    public TestSendResult send(IntegrationRecord integration, Instant now, AuditEntryDraft auditEntry) {
        TriggerEvent sample = plugins.trigger(integration.triggerServiceType())
                .flatMap(trigger -> trigger.sampleEvent(integration.triggerEvent(), now))
                .orElseThrow(() -> new FailedPreconditionException(FailedPreconditionException.NO_SAMPLE_EVENT,
                        "service type " + integration.triggerServiceType() + " offers no sample of " + integration.triggerEvent()));
        RawEvent raw = new RawEvent("test-" + UUID.randomUUID(), integration.accountId(), integration.triggerServiceType(), now,
                "pbxhooks.test.SampleEvent", new byte[0]);
        String deliveryId = transactions.executeWrite(status -> {
            if (sql.queryOne("SELECT 1 FROM integrations WHERE id = ?", row -> true, integration.id()).isEmpty()) {
                throw new NotFoundException("integration", integration.id());
            }
            long eventRowId = outbox.insertEvent(raw, Optional.of(sample), now);
            String id = outbox.insertDeliveries(eventRowId, raw, Optional.of(sample), List.of(integration.id()), now, true).get(0);
            int leased = sql.update("UPDATE deliveries SET state = 'IN_FLIGHT', attempt_count = 1, lease_owner = ?, lease_until = ? "
                    + "WHERE id = ? AND state = 'PENDING'", node.id(), now.plus(WAIT_LIMIT), id);
            if (leased != 1) {
                throw new IllegalStateException("test delivery " + id + " was not PENDING when leased");
            }
            audit.write(auditEntry);
            return id;
        });
        ClaimedDelivery claimed = new ClaimedDelivery(deliveryId, integration.accountId(), integration.id(), integration.version(), 1, sample.serviceType(), sample.eventType(),
                sample.occurredAt(), sample.fields());
        DeliveryResult result = attempt(integration, claimed, now);
        Instant finished = Instant.now();
        outcomes.record(node.id(), claimed, new DeliveryOutcomes.AttemptLog(now, Duration.between(now, finished), result),
                result.outcome() == DeliveryResult.Outcome.SUCCEEDED ? DeliveryOutcomes.Next.SUCCEEDED : DeliveryOutcomes.Next.FAILED,
                null, finished);
        AttemptRecord attempt = deliveries.attempts(deliveryId).get(0);
        return new TestSendResult(deliveries.find(deliveryId).orElseThrow(), attempt);
    }

    private DeliveryResult attempt(IntegrationRecord integration, ClaimedDelivery delivery, Instant now) {
        OutboundMessage message = new OutboundMessage(delivery.id(), 1, delivery.eventType(), now,
                Payload.of(delivery.event(), integration.fieldMappings()));
        try {
            return senders.senderFor(integration).send(message).toCompletableFuture().get(WAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException failure) {
            return DeliveryResult.permanent(0, "the transport did not complete the test send: " + failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return DeliveryResult.permanent(0, "interrupted");
        }
    }
}
