package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.admin.error.ConflictException;
import io.pbxhooks.admin.error.NotFoundException;
import io.pbxhooks.admin.port.AccountRecord;
import io.pbxhooks.admin.port.AccountStore;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.admin.port.IntegrationStore;
import io.pbxhooks.admin.port.PluginCatalog;
import io.pbxhooks.admin.port.Principal;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.model.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The integration changes, each checked, isolated per account and written with its audit entry. */
final class IntegrationOperations {

    /** Enable and disable take no etag, so a concurrent change is simply retried on the fresh state. */
    private static final int STATE_CHANGE_ATTEMPTS = 3;

    private final IntegrationStore integrations;
    private final Access access;
    private final IntegrationRequests requests;
    private final Clock clock;
    private final AdminLimits limits;

    IntegrationOperations(IntegrationStore integrations, AccountStore accounts, PluginCatalog catalog, Clock clock, AdminLimits limits) {
        this.integrations = requireNonNull(integrations, "integrations is null");
        this.access = new Access(accounts);
        this.requests = new IntegrationRequests(catalog, limits);
        this.clock = requireNonNull(clock, "clock is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    /** The integration, if the caller may see it; NOT_FOUND otherwise, whether it exists or not. */
    IntegrationRecord visible(Principal caller, String id, String field) {
        Access.requireId(id, field);
        return integrations.find(id).filter(found -> Access.canSee(caller, found.accountId()))
                .orElseThrow(() -> new NotFoundException("integration", id));
    }

    IntegrationRecord create(Principal caller, String requestedAccountId, Integration message) {
        AccountRecord account = access.account(caller, requestedAccountId, "account_id");
        IntegrationSpec spec = requests.forCreate(message).validOrThrow(List.of());
        Instant now = clock.instant();
        boolean enabled = !message.hasEnabled() || message.getEnabled();
        IntegrationRecord integration = new IntegrationRecord(UUID.randomUUID().toString(), account.id(), spec.name(), spec.type(),
                spec.triggerServiceType(), spec.triggerEvent(), enabled, null, spec.config(), spec.config().fieldMappings(), now, now, 1);
        integrations.create(integration, limits.integrationsPerAccount(), audit(caller, integration, "integration.create", IntegrationChanges.created(integration), now));
        return integration;
    }

    IntegrationRecord update(Principal caller, Integration message, List<String> clearSecrets) {
        IntegrationRecord stored = visible(caller, message.getId(), "integration.id");
        List<Violation> violations = new ArrayList<>();
        Optional<Long> etagVersion = Etags.parse(message.getEtag(), "integration.etag", violations);
        IntegrationSpec spec = requests.forUpdate(message, stored, clearSecrets).validOrThrow(violations);
        long expectedVersion = etagVersion.orElseThrow();
        if (expectedVersion != stored.version()) {
            throw new ConflictException("integration", stored.id());
        }
        Instant now = clock.instant();
        IntegrationRecord replacement = new IntegrationRecord(stored.id(), stored.accountId(), spec.name(), spec.type(),
                spec.triggerServiceType(), spec.triggerEvent(), stored.enabled(), stored.disabledReason(), spec.config(),
                spec.config().fieldMappings(), stored.createTime(), now, expectedVersion + 1);
        String summary = IntegrationChanges.updated(stored, replacement);
        return integrations.update(replacement, expectedVersion, audit(caller, stored, "integration.update", summary, now));
    }

    /** Enabling clears a reason the server disabled it for; disabling makes it DISABLED_BY_ADMIN. No-ops write nothing. */
    IntegrationRecord setEnabled(Principal caller, String id, boolean enable) {
        for (int attempt = 1; ; attempt++) {
            IntegrationRecord stored = visible(caller, id, "id");
            boolean unchanged = enable ? stored.enabled() : !stored.enabled() && stored.disabledByServerReason().isEmpty();
            if (unchanged) {
                return stored;
            }
            Instant now = clock.instant();
            String action = enable ? "integration.enable" : "integration.disable";
            String summary = enable ? IntegrationChanges.enabled(stored) : IntegrationChanges.disabled(stored);
            try {
                return integrations.update(stored.withState(enable, null, now), stored.version(), audit(caller, stored, action, summary, now));
            } catch (ConflictException concurrentChange) {
                if (attempt == STATE_CHANGE_ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }

    void delete(Principal caller, String id) {
        IntegrationRecord stored = visible(caller, id, "id");
        Instant now = clock.instant();
        integrations.delete(id, audit(caller, stored, "integration.delete", IntegrationChanges.deleted(stored), now));
    }

    /** What Create (no id) or Update (an id) would report, without saving anything. */
    IntegrationRequests.Checked check(Principal caller, Integration message, List<String> clearSecrets) {
        if (message.getId().isEmpty()) {
            return requests.forCreate(message);
        }
        return requests.forUpdate(message, visible(caller, message.getId(), "integration.id"), clearSecrets);
    }

    private static AuditEntryDraft audit(Principal caller, IntegrationRecord integration, String action, String summary, Instant now) {
        return new AuditEntryDraft(integration.accountId(), caller.keyId(), action, "integration", integration.id(), summary, now);
    }
}
