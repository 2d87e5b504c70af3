package io.pbxhooks.admin.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored API key, without its secret (the store keeps only the secret's hash, beside this record).
 *
 * @param accountId  null for an operator key, set for an admin key; a producer key has one, or none when it is the
 *                   PBX platform's own, publishing for every account
 * @param revokeTime null while the key is valid
 */
public record ApiKeyRecord(String id, String accountId, Role role, String description, Instant createTime, Instant revokeTime) {

    public ApiKeyRecord {
        requireNonNull(id, "id is null");
        requireNonNull(role, "role is null");
        requireNonNull(description, "description is null");
        requireNonNull(createTime, "createTime is null");
        if ((role == Role.OPERATOR && accountId != null) || (role == Role.ADMIN && accountId == null)) {
            throw new IllegalArgumentException("an operator key has no account and an admin key has one");
        }
    }

    public boolean revoked() {
        return revokeTime != null;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokeTime);
    }

    public ApiKeyRecord revokedAt(Instant time) {
        return new ApiKeyRecord(id, accountId, role, description, createTime, requireNonNull(time, "time is null"));
    }

    public Principal principal() {
        return new Principal(id, role, accountId);
    }
}
