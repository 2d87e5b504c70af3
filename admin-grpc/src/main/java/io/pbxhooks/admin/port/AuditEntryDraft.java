package io.pbxhooks.admin.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The audit entry of one change, handed to the store method that makes the change, which writes it in
 * the same transaction. The store assigns its id.
 *
 * @param accountId    the account the change belongs to; null for a change of no account (an operator key)
 * @param actorKeyId   the id of the API key that made the change
 * @param action       what was done, {@code <resource type>.<verb>}, e.g. {@code integration.update}
 * @param resourceType e.g. {@code integration}, {@code account}, {@code api_key}
 * @param summary      for people; never contains a secret
 * @param time         when the change was made (the same instant as the change's own timestamps)
 */
public record AuditEntryDraft(String accountId, String actorKeyId, String action, String resourceType, String resourceId,
                              String summary, Instant time) {

    public AuditEntryDraft {
        requireNonNull(actorKeyId, "actorKeyId is null");
        requireNonNull(action, "action is null");
        requireNonNull(resourceType, "resourceType is null");
        requireNonNull(resourceId, "resourceId is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(time, "time is null");
    }
}
