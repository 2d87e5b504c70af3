package io.pbxhooks.server.persistence;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import io.pbxhooks.admin.error.AlreadyExistsException;
import io.pbxhooks.admin.error.ConflictException;
import io.pbxhooks.admin.error.NotFoundException;
import io.pbxhooks.admin.error.QuotaExceededException;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.IntegrationQuery;
import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.admin.port.IntegrationStore;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.model.FieldMapping;
import io.pbxhooks.server.matching.IndexChangeFeed;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Integrations, with their secrets encrypted at rest and every change guarded by its version. */
@Singleton
public class JdbcIntegrationStore implements IntegrationStore {

    private static final String LIST = "integrations";
    private static final String SELECT = "SELECT id, account_id, name, transport_type, trigger_service_type, trigger_event, enabled, "
            + "disabled_reason, transport_config, field_mappings, version, create_time, update_time FROM integrations";

    private final Sql sql;
    private final JdbcAuditLog audit;
    private final TransportConfigCodec codec;
    private final IndexChangeFeed indexChanges;

    public JdbcIntegrationStore(Sql sql, JdbcAuditLog audit, TransportConfigCodec codec, IndexChangeFeed indexChanges) {
        this.sql = sql;
        this.audit = audit;
        this.codec = codec;
        this.indexChanges = indexChanges;
    }

    @Override
    @Transactional
    public void create(IntegrationRecord integration, int accountLimit, AuditEntryDraft auditEntry) {
        // Locking the account row makes concurrent creates in one account count one after the other. It comes first: on
        // MySQL/MariaDB the transaction's snapshot is taken at its first plain read, which must see the creates committed
        // by those that held the lock before.
        sql.queryOne("SELECT id FROM accounts WHERE id = ? FOR UPDATE", row -> row.getString("id"), integration.accountId());
        if (find(integration.id()).isPresent()) {
            throw new AlreadyExistsException("integration", integration.id());
        }
        long existing = sql.queryOne("SELECT COUNT(*) FROM integrations WHERE account_id = ?", row -> row.getLong(1), integration.accountId())
                .orElse(0L);
        if (existing >= accountLimit) {
            throw QuotaExceededException.integrationsPerAccount(integration.accountId(), accountLimit);
        }
        sql.update("INSERT INTO integrations (id, account_id, name, transport_type, trigger_service_type, trigger_event, enabled, disabled_reason, "
                        + "transport_config, field_mappings, version, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                integration.id(), integration.accountId(), integration.name(), integration.type(), integration.triggerServiceType(),
                integration.triggerEvent(), integration.enabled(), integration.disabledReason(),
                codec.encodeConfig(integration.id(), integration.type(), integration.config()), codec.encodeMappings(integration.fieldMappings()),
                integration.createTime(), integration.updateTime());
        audit.write(auditEntry);
        indexChanges.record(integration.accountId(), integration.updateTime());
    }

    @Override
    @ReadOnly
    public Optional<IntegrationRecord> find(String id) {
        return sql.queryOne(SELECT + " WHERE id = ?", this::integration, id);
    }

    /** The current version of each of the integrations that exist. */
    @ReadOnly
    public Map<String, Long> versions(Collection<String> ids) {
        Map<String, Long> versions = new HashMap<>();
        if (!ids.isEmpty()) {
            sql.query("SELECT id, version FROM integrations WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                    row -> versions.put(row.getString("id"), row.getLong("version")), ids.toArray());
        }
        return versions;
    }

    @Override
    @ReadOnly
    public Page<IntegrationRecord> list(IntegrationQuery query) {
        return new KeysetQuery(LIST, "create_time", false)
                .filter("account_id = ?", query.accountId())
                .filter("trigger_service_type = ?", query.triggerServiceType())
                .filter("trigger_event = ?", query.triggerEvent())
                .filter("enabled = ?", query.enabled())
                .page(sql, SELECT, query.page(), this::integration, IntegrationRecord::createTime, IntegrationRecord::id);
    }

    @Override
    @Transactional
    public IntegrationRecord update(IntegrationRecord replacement, long expectedVersion, AuditEntryDraft auditEntry) {
        int changed = sql.update("UPDATE integrations SET name = ?, transport_type = ?, trigger_service_type = ?, trigger_event = ?, enabled = ?, "
                        + "disabled_reason = ?, transport_config = ?, field_mappings = ?, version = ?, update_time = ?, failing_since = NULL "
                        + "WHERE id = ? AND version = ?",
                replacement.name(), replacement.type(), replacement.triggerServiceType(), replacement.triggerEvent(), replacement.enabled(),
                replacement.disabledReason(), codec.encodeConfig(replacement.id(), replacement.type(), replacement.config()),
                codec.encodeMappings(replacement.fieldMappings()), expectedVersion + 1, replacement.updateTime(), replacement.id(), expectedVersion);
        if (changed == 0) {
            if (find(replacement.id()).isEmpty()) {
                throw new NotFoundException("integration", replacement.id());
            }
            throw new ConflictException("integration", replacement.id());
        }
        audit.write(auditEntry);
        indexChanges.record(replacement.accountId(), replacement.updateTime());
        return find(replacement.id()).orElseThrow(() -> new NotFoundException("integration", replacement.id()));
    }

    @Override
    @Transactional
    public void delete(String id, AuditEntryDraft auditEntry) {
        IntegrationRecord stored = find(id).orElseThrow(() -> new NotFoundException("integration", id));
        if (sql.update("DELETE FROM integrations WHERE id = ?", id) == 0) {
            throw new NotFoundException("integration", id);
        }
        audit.write(auditEntry);
        indexChanges.record(stored.accountId(), auditEntry.time());
    }

    private IntegrationRecord integration(ResultSet row) throws SQLException {
        String id = row.getString("id");
        List<FieldMapping> mappings = codec.decodeMappings(row.getString("field_mappings"));
        return new IntegrationRecord(id, row.getString("account_id"), row.getString("name"), row.getString("transport_type"),
                row.getString("trigger_service_type"), row.getString("trigger_event"), row.getBoolean("enabled"),
                row.getString("disabled_reason"), codec.decodeConfig(id, row.getString("transport_config"), mappings), mappings,
                Sql.instant(row, "create_time"), Sql.instant(row, "update_time"), row.getLong("version"));
    }
}
