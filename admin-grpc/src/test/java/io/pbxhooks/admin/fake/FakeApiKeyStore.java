package io.pbxhooks.admin.fake;

import io.pbxhooks.admin.error.AlreadyExistsException;
import io.pbxhooks.admin.error.NotFoundException;
import io.pbxhooks.admin.port.ApiKeyRecord;
import io.pbxhooks.admin.port.ApiKeyStore;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.port.PageRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Keeps keys in creation order and only the hashes of their secrets, as a real store must. */
public final class FakeApiKeyStore implements ApiKeyStore {

    private final Map<String, ApiKeyRecord> keys = new LinkedHashMap<>();
    private final Map<String, String> keyIdsBySecretHash = new HashMap<>();
    private final FakeAuditLog auditLog;

    public FakeApiKeyStore(FakeAuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** A key put in place the way the server bootstraps its operator key: no audit entry. */
    public void seed(ApiKeyRecord key, String secretHash) {
        synchronized (auditLog) {
            keys.put(key.id(), key);
            keyIdsBySecretHash.put(secretHash, key.id());
        }
    }

    public Map<String, String> secretHashes() {
        synchronized (auditLog) {
            return Map.copyOf(keyIdsBySecretHash);
        }
    }

    @Override
    public void create(ApiKeyRecord key, String secretHash, AuditEntryDraft audit) {
        synchronized (auditLog) {
            if (keys.containsKey(key.id()) || keyIdsBySecretHash.containsKey(secretHash)) {
                throw new AlreadyExistsException("api_key", key.id());
            }
            seed(key, secretHash);
            auditLog.append(audit);
        }
    }

    @Override
    public Optional<ApiKeyRecord> find(String id) {
        synchronized (auditLog) {
            return Optional.ofNullable(keys.get(id));
        }
    }

    @Override
    public Optional<ApiKeyRecord> findBySecretHash(String secretHash) {
        synchronized (auditLog) {
            return Optional.ofNullable(keyIdsBySecretHash.get(secretHash)).map(keys::get);
        }
    }

    @Override
    public Page<ApiKeyRecord> list(String accountId, PageRequest page) {
        synchronized (auditLog) {
            List<ApiKeyRecord> matching = keys.values().stream()
                    .filter(key -> accountId == null || Objects.equals(accountId, key.accountId())).toList();
            return InMemoryPages.page(matching, page);
        }
    }

    @Override
    public ApiKeyRecord revoke(String id, Instant time, AuditEntryDraft audit) {
        synchronized (auditLog) {
            ApiKeyRecord stored = find(id).orElseThrow(() -> new NotFoundException("api_key", id));
            if (stored.revoked()) {
                return stored;
            }
            ApiKeyRecord revoked = stored.revokedAt(time);
            keys.put(id, revoked);
            auditLog.append(audit);
            return revoked;
        }
    }
}
