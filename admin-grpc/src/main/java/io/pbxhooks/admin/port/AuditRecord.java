package io.pbxhooks.admin.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A stored audit entry: an {@link AuditEntryDraft} with the id the store gave it.
 *
 * @param accountId null for a change of no account
 */
public record AuditRecord(String id, String accountId, String actorKeyId, String action, String resourceType,
                          String resourceId, String summary, Instant time) {

    public AuditRecord {
        requireNonNull(id, "id is null");
        requireNonNull(actorKeyId, "actorKeyId is null");
        requireNonNull(action, "action is null");
        requireNonNull(resourceType, "resourceType is null");
        requireNonNull(resourceId, "resourceId is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(time, "time is null");
    }

    public static AuditRecord of(String id, AuditEntryDraft draft) {
        return new AuditRecord(id, draft.accountId(), draft.actorKeyId(), draft.action(), draft.resourceType(),
                draft.resourceId(), draft.summary(), draft.time());
    }
}
