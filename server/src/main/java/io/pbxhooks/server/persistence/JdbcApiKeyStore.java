package io.pbxhooks.server.persistence;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import io.pbxhooks.admin.error.NotFoundException;
import io.pbxhooks.admin.port.ApiKeyRecord;
import io.pbxhooks.admin.port.ApiKeyStore;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.port.PageRequest;
import io.pbxhooks.admin.port.Role;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** API keys: only the SHA-256 of each secret is stored. */
@Singleton
public class JdbcApiKeyStore implements ApiKeyStore {

    private static final String LIST = "api_keys";
    private static final String COLUMNS = "SELECT id, account_id, role, description, create_time, revoke_time FROM api_keys";

    private final Sql sql;
    private final JdbcAuditLog audit;

    public JdbcApiKeyStore(Sql sql, JdbcAuditLog audit) {
        this.sql = sql;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void create(ApiKeyRecord key, String secretHash, AuditEntryDraft auditEntry) {
        sql.insertNew("api key", key.id(), "INSERT INTO api_keys (id, account_id, role, description, secret_hash, create_time, revoke_time) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", key.id(), key.accountId(), key.role().name(), key.description(), secretHash, key.createTime(),
                key.revokeTime());
        audit.write(auditEntry);
    }

    @Override
    @ReadOnly
    public Optional<ApiKeyRecord> find(String id) {
        return sql.queryOne(COLUMNS + " WHERE id = ?", JdbcApiKeyStore::key, id);
    }

    @Override
    @ReadOnly
    public Optional<ApiKeyRecord> findBySecretHash(String secretHash) {
        return sql.queryOne(COLUMNS + " WHERE secret_hash = ?", JdbcApiKeyStore::key, secretHash);
    }

    @Override
    @ReadOnly
    public Page<ApiKeyRecord> list(String accountId, PageRequest page) {
        return new KeysetQuery(LIST, "create_time", false).filter("account_id = ?", accountId)
                .page(sql, COLUMNS, page, JdbcApiKeyStore::key, ApiKeyRecord::createTime, ApiKeyRecord::id);
    }

    @Override
    @Transactional
    public ApiKeyRecord revoke(String id, Instant time, AuditEntryDraft auditEntry) {
        ApiKeyRecord key = find(id).orElseThrow(() -> new NotFoundException("api key", id));
        if (sql.update("UPDATE api_keys SET revoke_time = ? WHERE id = ? AND revoke_time IS NULL", time, id) == 1) {
            audit.write(auditEntry);
        }
        return find(id).orElse(key);
    }

    private static ApiKeyRecord key(ResultSet row) throws SQLException {
        return new ApiKeyRecord(row.getString("id"), row.getString("account_id"), Role.valueOf(row.getString("role")),
                row.getString("description"), Sql.instant(row, "create_time"), Sql.instant(row, "revoke_time"));
    }
}
