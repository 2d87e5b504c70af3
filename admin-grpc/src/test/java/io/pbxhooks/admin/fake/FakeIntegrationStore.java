package io.pbxhooks.admin.fake;

import io.pbxhooks.admin.error.AlreadyExistsException;
import io.pbxhooks.admin.error.ConflictException;
import io.pbxhooks.admin.error.NotFoundException;
import io.pbxhooks.admin.error.QuotaExceededException;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.IntegrationQuery;
import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.admin.port.IntegrationStore;
import io.pbxhooks.admin.port.Page;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Integrations in creation order, with the conditional update a real store makes. */
public class FakeIntegrationStore implements IntegrationStore {

    private final Map<String, IntegrationRecord> integrations = new LinkedHashMap<>();
    private final FakeAuditLog auditLog;

    public FakeIntegrationStore(FakeAuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** What the server does after prolonged delivery failure. */
    public void disableByServer(String id, String reason) {
        synchronized (auditLog) {
            IntegrationRecord stored = integrations.get(id);
            integrations.put(id, stored.withState(false, reason, Instant.now()).withVersion(stored.version() + 1));
        }
    }

    @Override
    public void create(IntegrationRecord integration, int accountLimit, AuditEntryDraft audit) {
        synchronized (auditLog) {
            if (integrations.values().stream().filter(stored -> stored.accountId().equals(integration.accountId())).count() >= accountLimit) {
                throw QuotaExceededException.integrationsPerAccount(integration.accountId(), accountLimit);
            }
            if (integrations.putIfAbsent(integration.id(), integration.withVersion(1)) != null) {
                throw new AlreadyExistsException("integration", integration.id());
            }
            auditLog.append(audit);
        }
    }

    @Override
    public Optional<IntegrationRecord> find(String id) {
        synchronized (auditLog) {
            return Optional.ofNullable(integrations.get(id));
        }
    }

    @Override
    public Page<IntegrationRecord> list(IntegrationQuery query) {
        synchronized (auditLog) {
            return InMemoryPages.page(integrations.values().stream().filter(query::matches).toList(), query.page());
        }
    }

    @Override
    public IntegrationRecord update(IntegrationRecord replacement, long expectedVersion, AuditEntryDraft audit) {
        synchronized (auditLog) {
            IntegrationRecord stored = find(replacement.id()).orElseThrow(() -> new NotFoundException("integration", replacement.id()));
            if (stored.version() != expectedVersion) {
                throw new ConflictException("integration", replacement.id());
            }
            IntegrationRecord updated = replacement.withVersion(expectedVersion + 1);
            integrations.put(updated.id(), updated);
            auditLog.append(audit);
            return updated;
        }
    }

    @Override
    public void delete(String id, AuditEntryDraft audit) {
        synchronized (auditLog) {
            if (integrations.remove(id) == null) {
                throw new NotFoundException("integration", id);
            }
            auditLog.append(audit);
        }
    }
}
