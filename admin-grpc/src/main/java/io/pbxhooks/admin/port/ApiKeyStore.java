package io.pbxhooks.admin.port;

import io.pbxhooks.admin.error.AlreadyExistsException;
import io.pbxhooks.admin.error.InvalidArgumentException;
import io.pbxhooks.admin.error.NotFoundException;
import java.time.Instant;
import java.util.Optional;

/**
 * The API keys. A key's secret is never stored, only its hash ({@link io.pbxhooks.admin.auth.ApiKeySecrets#hash}).
 * Every mutation writes its {@link AuditEntryDraft} in the same transaction as the change. Implementations must
 * be thread-safe.
 */
public interface ApiKeyStore {

    /**
     * Stores a new key, the hash of its secret and the audit entry in one transaction.
     *
     * @param secretHash SHA-256 of the secret, lower-case hex; unique among all keys
     * @throws AlreadyExistsException when a key with this id exists; nothing is written
     */
    void create(ApiKeyRecord key, String secretHash, AuditEntryDraft audit);

    Optional<ApiKeyRecord> find(String id);

    /** The key, revoked or not, whose secret hashes to {@code secretHash}: how callers are authenticated. */
    Optional<ApiKeyRecord> findBySecretHash(String secretHash);

    /**
     * Keys, revoked ones included, in creation order.
     *
     * @param accountId only the keys of this account; null for every key of every account and the operator keys
     * @throws InvalidArgumentException (field {@code page_token}) for a token this store did not return for this list
     */
    Page<ApiKeyRecord> list(String accountId, PageRequest page);

    /**
     * Marks the key revoked at {@code time} and writes the audit entry, in one transaction. A key already
     * revoked keeps its first revoke time and no audit entry is written.
     *
     * @return the key as stored afterwards
     * @throws NotFoundException when there is no such key; nothing is written
     */
    ApiKeyRecord revoke(String id, Instant time, AuditEntryDraft audit);
}
