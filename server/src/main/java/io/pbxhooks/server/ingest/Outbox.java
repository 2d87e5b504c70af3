package io.pbxhooks.server.ingest;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.server.delivery.HandOffBudget;
import io.pbxhooks.server.delivery.HandedOff;
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
 * Writes accepted events and one delivery per matching integration in one transaction: when {@link #accept} or
 * {@link #acceptAll} returns, they are durable and the events can be acknowledged.
 */
@Singleton
public class Outbox {

    public record Accepted(boolean duplicate, int deliveries) {
        static final Accepted DUPLICATE = new Accepted(true, 0);
    }

    /** An event ready to be written: classified and matched. */
    public record Incoming(RawEvent raw, Optional<TriggerEvent> event, List<String> integrationIds, Instant receivedAt) {
        int deliveries() {
            return event.isPresent() ? integrationIds.size() : 0;
        }
    }

    private static final String EVENT_INSERT = "INSERT INTO events (account_id, event_id, service_type, event_type, ordering_key, "
            + "occurred_at, received_at, fields) VALUES ";
    private static final String EVENT_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELIVERY_INSERT = "INSERT INTO deliveries (id, event_row_id, account_id, integration_id, event_id, "
            + "service_type, event_type, ordering_key, state, attempt_count, lease_owner, lease_until, next_attempt_at, last_status_code, "
            + "test, create_time, update_time) VALUES ";
    private static final String DELIVERY_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";
    private static final int DELIVERY_PARAMETERS = 16;
    /** Rows per INSERT statement: MySQL takes at most 65,535 parameters in one statement. */
    private static final int ROWS_PER_STATEMENT = 1000;

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final EventFieldsCodec fields;
    private final TimeBasedEpochGenerator deliveryIds = Generators.timeBasedEpochGenerator();
    private final boolean onH2;

    public Outbox(Sql sql, TransactionOperations<Connection> transactions, EventFieldsCodec fields,
                  @Value("${pbxhooks.datasource.url}") String databaseUrl) {
        this.sql = sql;
        this.transactions = transactions;
        this.fields = fields;
        this.onH2 = databaseUrl.startsWith("jdbc:h2:");
    }

    /** One event in its own transaction; DUPLICATE when its id is already stored for its account. */
    public Accepted accept(Incoming incoming) {
        try {
            return transactions.executeWrite(status -> {
                long eventRowId = insertEvent(incoming.raw(), incoming.event(), incoming.receivedAt());
                insertDeliveries(eventRowId, incoming.raw(), incoming.event(), incoming.integrationIds(), incoming.receivedAt(), false);
                return new Accepted(false, incoming.deliveries());
            });
        } catch (RuntimeException failure) {
            if (Sql.isConstraintViolation(failure) && isStored(incoming.raw())) {
                return Accepted.DUPLICATE;
            }
            throw failure;
        }
    }

    /** What a batch's transaction stored: one outcome per event, in order, and the deliveries leased to this node. */
    public record Written(List<Accepted> outcomes, List<HandedOff> leased, boolean dueForClaim) {
    }

    /**
     * Many events in one transaction, a few statements whatever their number and fan-out; one outcome per event, in
     * order. An event earlier in the same batch is DUPLICATE; with {@code lookUpStored}, so is one already stored.
     * Without it the database is not asked first — duplicates are rare — and the unique key catches a stored one. Throws
     * when the transaction fails, and then nothing of the batch is stored: after a constraint violation, call again
     * looking up the stored events; if that fails too, another node stored one meanwhile, and {@link #accept} one by
     * one sorts it out.
     *
     * <p>As far as {@code handOff} allows, deliveries are stored leased to this node for their first attempt, to be handed
     * to its dispatcher once the transaction commits; the others, and any behind an unfinished delivery of the same
     * integration and call, are stored due.
     */
    public Written acceptAll(List<Incoming> batch, boolean lookUpStored, HandOffBudget handOff) {
        return transactions.executeWrite(status -> {
            StoredEventIds stored = lookUpStored ? StoredEventIds.among(sql, batch) : StoredEventIds.none();
            List<Incoming> fresh = new ArrayList<>(batch.size());
            List<Accepted> outcomes = new ArrayList<>(batch.size());
            for (Incoming incoming : batch) {
                if (stored.claim(incoming.raw())) {
                    fresh.add(incoming);
                    outcomes.add(new Accepted(false, incoming.deliveries()));
                } else {
                    outcomes.add(Accepted.DUPLICATE);
                }
            }
            long[] eventRowIds = insertEvents(fresh);
            UnfinishedCalls unfinished = handOff.hasRoom() ? UnfinishedCalls.among(sql, fresh, onH2) : null;
            List<Object> deliveryRows = new ArrayList<>();
            List<HandedOff> leased = new ArrayList<>();
            for (int index = 0; index < fresh.size(); index++) {
                Incoming incoming = fresh.get(index);
                String accountId = incoming.raw().accountId();
                Optional<String> orderingKey = incoming.event().flatMap(TriggerEvent::ordering);
                deliveryRowsOf(eventRowIds[index], incoming.raw(), incoming.event(), incoming.integrationIds(), incoming.receivedAt(),
                        false, deliveryRows, (deliveryId, integrationId) -> {
                            boolean leasing = unfinished != null && unfinished.startsFree(integrationId, orderingKey.orElse(null))
                                    && handOff.take(accountId, integrationId);
                            if (leasing) {
                                leased.add(new HandedOff(deliveryId, accountId, integrationId, incoming.event().get(), incoming.receivedAt()));
                            }
                            return leasing;
                        }, handOff);
            }
            insertDeliveryRows(deliveryRows);
            return new Written(outcomes, leased, leased.size() < deliveryRows.size() / DELIVERY_PARAMETERS);
        });
    }

    /** Must run inside a transaction. The event's row id orders its deliveries among those of the same call. */
    public long insertEvent(RawEvent raw, Optional<TriggerEvent> event, Instant receivedAt) {
        List<Object> parameters = new ArrayList<>(8);
        addEventRow(raw, event, receivedAt, parameters);
        return sql.insertReturningKey(EVENT_INSERT + EVENT_VALUES, parameters.toArray());
    }

    /** Must run inside a transaction. All rows in one statement: one round trip whatever the fan-out. */
    public List<String> insertDeliveries(long eventRowId, RawEvent raw, Optional<TriggerEvent> event, List<String> integrationIds,
                                  Instant now, boolean test) {
        List<Object> rows = new ArrayList<>(integrationIds.size() * DELIVERY_PARAMETERS);
        List<String> ids = deliveryRowsOf(eventRowId, raw, event, integrationIds, now, test, rows, LeaseChoice.NONE, HandOffBudget.NONE);
        insertDeliveryRows(rows);
        return ids;
    }

    private long[] insertEvents(List<Incoming> events) {
        long[] keys = new long[events.size()];
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<Incoming> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            List<Object> parameters = new ArrayList<>(chunk.size() * 8);
            chunk.forEach(incoming -> addEventRow(incoming.raw(), incoming.event(), incoming.receivedAt(), parameters));
            long[] chunkKeys = sql.insertReturningKeys(EVENT_INSERT + String.join(", ", Collections.nCopies(chunk.size(), EVENT_VALUES)),
                    chunk.size(), parameters.toArray());
            System.arraycopy(chunkKeys, 0, keys, from, chunkKeys.length);
        }
        return keys;
    }

    private void addEventRow(RawEvent raw, Optional<TriggerEvent> event, Instant receivedAt, List<Object> parameters) {
        Collections.addAll(parameters, raw.accountId(), raw.eventId(), raw.serviceType(), event.map(TriggerEvent::eventType).orElse(null),
                event.flatMap(TriggerEvent::ordering).orElse(null), raw.occurredAt(), receivedAt,
                fields.encode(event.map(TriggerEvent::fields).orElse(Map.of())));
    }

    /** Decides, for each new delivery, whether it is stored leased to this node (or due, for a claim). */
    private interface LeaseChoice {
        boolean leases(String deliveryId, String integrationId);

        LeaseChoice NONE = (deliveryId, integrationId) -> false;
    }

    private List<String> deliveryRowsOf(long eventRowId, RawEvent raw, Optional<TriggerEvent> event, List<String> integrationIds,
                                        Instant now, boolean test, List<Object> rows, LeaseChoice lease, HandOffBudget handOff) {
        if (event.isEmpty() || integrationIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(integrationIds.size());
        for (String integrationId : integrationIds) {
            String id = deliveryIds.generate().toString();
            ids.add(id);
            boolean leased = lease.leases(id, integrationId);
            Collections.addAll(rows, id, eventRowId, raw.accountId(), integrationId, raw.eventId(), raw.serviceType(),
                    event.get().eventType(), event.get().orderingKey(), leased ? "IN_FLIGHT" : "PENDING", leased ? 1 : 0,
                    leased ? handOff.node() : null, leased ? handOff.leaseEnd(now) : null, now, test, now, now);
        }
        return ids;
    }

    private void insertDeliveryRows(List<Object> parameters) {
        int rows = parameters.size() / DELIVERY_PARAMETERS;
        for (int from = 0; from < rows; from += ROWS_PER_STATEMENT) {
            int count = Math.min(ROWS_PER_STATEMENT, rows - from);
            sql.update(DELIVERY_INSERT + String.join(", ", Collections.nCopies(count, DELIVERY_VALUES)),
                    parameters.subList(from * DELIVERY_PARAMETERS, (from + count) * DELIVERY_PARAMETERS).toArray());
        }
    }

    private boolean isStored(RawEvent raw) {
        return transactions.executeRead(status -> sql.queryOne("SELECT 1 FROM events WHERE account_id = ? AND event_id = ?",
                row -> true, raw.accountId(), raw.eventId()).isPresent());
    }
}
