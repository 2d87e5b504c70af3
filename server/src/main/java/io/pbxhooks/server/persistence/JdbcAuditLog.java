package io.pbxhooks.server.persistence;

import io.micronaut.transaction.annotation.ReadOnly;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.AuditLog;
import io.pbxhooks.admin.port.AuditRecord;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.port.PageRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

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
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (accountId != null) {
            where.append(" AND account_id = ?");
            parameters.add(accountId);
        }
        if (!page.isFirst()) {
            PageTokens.Position after = PageTokens.decode(LIST, page.token());
            where.append(" AND (create_time < ? OR (create_time = ? AND id < ?))");
            parameters.add(after.time());
            parameters.add(after.time());
            parameters.add(after.numericId());
        }
        parameters.add(page.size() + 1);
        List<AuditRecord> rows = sql.query("SELECT " + COLUMNS + " FROM audit_entries" + where + " ORDER BY create_time DESC, id DESC LIMIT ?",
                row -> new AuditRecord(Long.toString(row.getLong("id")), row.getString("account_id"), row.getString("actor_key_id"),
                        row.getString("action"), row.getString("resource_type"), row.getString("resource_id"), row.getString("summary"),
                        Sql.instant(row, "create_time")), parameters.toArray());
        return Pages.of(rows, page, last -> PageTokens.encode(LIST, last.time(), last.id()));
    }
}
