package io.pbxhooks.server.ingest;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.micronaut.transaction.TransactionOperations;
import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.server.persistence.Sql;
import io.pbxhooks.spi.RawEvent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an accepted event and one delivery per matching integration in one transaction: when
 * {@link #accept} returns, both are durable and the event can be acknowledged.
 */
@Singleton
public class Outbox {

    public record Accepted(boolean duplicate, int deliveries) {
    }

    private static final String DELIVERY_COLUMNS = "(id, event_row_id, account_id, integration_id, event_id, service_type, event_type, "
            + "ordering_key, state, attempt_count, next_attempt_at, last_status_code, test, create_time, update_time)";
    private static final String DELIVERY_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, 0, ?, ?, ?)";

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final EventFieldsCodec fields;
    private final TimeBasedEpochGenerator deliveryIds = Generators.timeBasedEpochGenerator();

    public Outbox(Sql sql, TransactionOperations<Connection> transactions, EventFieldsCodec fields) {
        this.sql = sql;
        this.transactions = transactions;
        this.fields = fields;
    }

    public Accepted accept(RawEvent raw, Optional<TriggerEvent> event, List<String> integrationIds, Instant receivedAt) {
        try {
            return transactions.executeWrite(status -> {
                long eventRowId = insertEvent(raw, event, receivedAt);
                insertDeliveries(eventRowId, raw, event, integrationIds, receivedAt, false);
                return new Accepted(false, event.isPresent() ? integrationIds.size() : 0);
            });
        } catch (RuntimeException failure) {
            if (Sql.isConstraintViolation(failure) && isStored(raw)) {
                return new Accepted(true, 0);
            }
            throw failure;
        }
    }

    /** Must run inside a transaction. The event's row id orders its deliveries among those of the same call. */
    public long insertEvent(RawEvent raw, Optional<TriggerEvent> event, Instant receivedAt) {
        return sql.insertReturningKey("INSERT INTO events (account_id, event_id, service_type, event_type, ordering_key, occurred_at, "
                        + "received_at, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                raw.accountId(), raw.eventId(), raw.serviceType(), event.map(TriggerEvent::eventType).orElse(null),
                event.flatMap(TriggerEvent::ordering).orElse(null), raw.occurredAt(), receivedAt,
                fields.encode(event.map(TriggerEvent::fields).orElse(Map.of())));
    }

    /** Must run inside a transaction. All rows in one statement: one round trip whatever the fan-out. */
    public List<String> insertDeliveries(long eventRowId, RawEvent raw, Optional<TriggerEvent> event, List<String> integrationIds,
                                  Instant now, boolean test) {
        if (event.isEmpty() || integrationIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(integrationIds.size());
        List<Object> parameters = new ArrayList<>(integrationIds.size() * 12);
        for (String integrationId : integrationIds) {
            String id = deliveryIds.generate().toString();
            ids.add(id);
            Collections.addAll(parameters, id, eventRowId, raw.accountId(), integrationId, raw.eventId(), raw.serviceType(),
                    event.get().eventType(), event.get().orderingKey(), now, test, now, now);
        }
        sql.update("INSERT INTO deliveries " + DELIVERY_COLUMNS + " VALUES "
                + String.join(", ", Collections.nCopies(integrationIds.size(), DELIVERY_VALUES)), parameters.toArray());
        return ids;
    }

    private boolean isStored(RawEvent raw) {
        return transactions.executeRead(status -> sql.queryOne("SELECT 1 FROM events WHERE account_id = ? AND event_id = ?",
                row -> true, raw.accountId(), raw.eventId()).isPresent());
    }
}
