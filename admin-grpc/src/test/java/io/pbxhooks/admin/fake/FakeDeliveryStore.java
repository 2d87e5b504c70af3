package io.pbxhooks.admin.fake;

import io.pbxhooks.admin.error.FailedPreconditionException;
import io.pbxhooks.admin.error.NotFoundException;
import io.pbxhooks.admin.port.AttemptRecord;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.DeliveryQuery;
import io.pbxhooks.admin.port.DeliveryRecord;
import io.pbxhooks.admin.port.DeliveryStore;
import io.pbxhooks.admin.port.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deliveries as the outbox would have left them, put in place by tests, with the conditional redelivery a real store makes. */
public final class FakeDeliveryStore implements DeliveryStore {

    private static final Comparator<DeliveryRecord> NEWEST_FIRST =
            Comparator.comparing(DeliveryRecord::createTime).thenComparing(DeliveryRecord::id).reversed();

    private final Map<String, DeliveryRecord> deliveries = new HashMap<>();
    private final Map<String, List<AttemptRecord>> attempts = new HashMap<>();
    private final FakeAuditLog auditLog;

    public FakeDeliveryStore(FakeAuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** A delivery and its attempts as the outbox and the dispatcher would have written them: no audit entry. */
    public void seed(DeliveryRecord delivery, AttemptRecord... attemptsOfIt) {
        synchronized (auditLog) {
            deliveries.put(delivery.id(), delivery);
            attempts.computeIfAbsent(delivery.id(), id -> new ArrayList<>()).addAll(List.of(attemptsOfIt));
        }
    }

    /** What a test send writes: the delivery, its attempt and the audit entry. */
    void recordTestSend(DeliveryRecord delivery, AttemptRecord attempt, AuditEntryDraft audit) {
        synchronized (auditLog) {
            seed(delivery, attempt);
            auditLog.append(audit);
        }
    }

    @Override
    public Page<DeliveryRecord> list(DeliveryQuery query) {
        synchronized (auditLog) {
            return InMemoryPages.page(deliveries.values().stream().filter(query::matches).sorted(NEWEST_FIRST).toList(), query.page());
        }
    }

    @Override
    public Optional<DeliveryRecord> find(String id) {
        synchronized (auditLog) {
            return Optional.ofNullable(deliveries.get(id));
        }
    }

    @Override
    public List<AttemptRecord> attempts(String deliveryId) {
        synchronized (auditLog) {
            return attempts.getOrDefault(deliveryId, List.of()).stream().sorted(Comparator.comparingInt(AttemptRecord::number)).toList();
        }
    }

    @Override
    public DeliveryRecord redeliver(String id, Instant now, AuditEntryDraft audit) {
        synchronized (auditLog) {
            DeliveryRecord stored = find(id).orElseThrow(() -> new NotFoundException("delivery", id));
            if (!stored.state().isFinished()) {
                throw FailedPreconditionException.deliveryNotFinished(id, stored.state().name());
            }
            DeliveryRecord queued = stored.redelivered(now);
            deliveries.put(id, queued);
            auditLog.append(audit);
            return queued;
        }
    }
}
