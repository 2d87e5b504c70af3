package io.pbxhooks.server.persistence;

import io.micronaut.transaction.annotation.ReadOnly;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.AuditLog;
import io.pbxhooks.admin.port.AuditRecord;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.port.PageRequest;
import jakarta.inject.Singleton;

/** The audit trail: written by the stores inside their own transactions, read newest first. */
@Singleton
public class JdbcAuditLog implements AuditLog {

    private static final String LIST = "audit";
    private static final String COLUMNS = "id, account_id, actor_key_id, action, resource_type, resource_id, summary, create_time";

    private final Sql sql;

    public JdbcAuditLog(Sql sql) {
        this.sql = sql;
    }

    /** Must be called inside the transaction of the change it records. */
    public void write(AuditEntryDraft draft) {
        sql.update("INSERT INTO audit_entries (account_id, actor_key_id, action, resource_type, resource_id, summary, create_time) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", draft.accountId(), draft.actorKeyId(), draft.action(), draft.resourceType(),
                draft.resourceId(), draft.summary(), draft.time());
    }

    @Override
    @ReadOnly
    public Page<AuditRecord> list(String accountId, PageRequest page) {
        return new KeysetQuery(LIST, "create_time", true).numericIds().filter("account_id = ?", accountId)
                .page(sql, "SELECT " + COLUMNS + " FROM audit_entries", page,
                        row -> new AuditRecord(Long.toString(row.getLong("id")), row.getString("account_id"), row.getString("actor_key_id"),
                                row.getString("action"), row.getString("resource_type"), row.getString("resource_id"), row.getString("summary"),
                                Sql.instant(row, "create_time")),
                        AuditRecord::time, AuditRecord::id);
    }
}
