package io.pbxhooks.server.persistence;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import io.pbxhooks.admin.error.NotFoundException;
import io.pbxhooks.admin.port.AccountRecord;
import io.pbxhooks.admin.port.AccountStore;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.port.PageRequest;
import io.pbxhooks.server.matching.IndexChangeFeed;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Singleton
public class JdbcAccountStore implements AccountStore {

    private static final String LIST = "accounts";

    private final Sql sql;
    private final JdbcAuditLog audit;
    private final IndexChangeFeed indexChanges;

    public JdbcAccountStore(Sql sql, JdbcAuditLog audit, IndexChangeFeed indexChanges) {
        this.sql = sql;
        this.audit = audit;
        this.indexChanges = indexChanges;
    }

    @Override
    @Transactional
    public void create(AccountRecord account, AuditEntryDraft auditEntry) {
        sql.insertNew("account", account.id(), "INSERT INTO accounts (id, display_name, create_time) VALUES (?, ?, ?)", account.id(),
                account.displayName(), account.createTime());
        for (String application : account.applications()) {
            sql.update("INSERT INTO account_applications (account_id, application, enable_time) VALUES (?, ?, ?)",
                    account.id(), application, account.createTime());
        }
        audit.write(auditEntry);
        indexChanges.record(account.id(), account.createTime());
    }

    @Override
    @ReadOnly
    public Optional<AccountRecord> find(String id) {
        return sql.queryOne("SELECT id, display_name, create_time FROM accounts WHERE id = ?",
                row -> new AccountRecord(row.getString("id"), row.getString("display_name"), applicationsOf(row.getString("id")),
                        Sql.instant(row, "create_time")), id);
    }

    @Override
    @ReadOnly
    public Page<AccountRecord> list(PageRequest page) {
        String after = page.isFirst() ? "" : PageTokens.decode(LIST, page.token()).id();
        List<String> ids = sql.query("SELECT id FROM accounts WHERE id > ? ORDER BY id LIMIT ?", row -> row.getString("id"), after, page.size() + 1);
        List<AccountRecord> accounts = new ArrayList<>();
        for (String id : ids) {
            find(id).ifPresent(accounts::add);
        }
        return Pages.of(accounts, page, last -> PageTokens.encode(LIST, last.id()));
    }

    @Override
    @Transactional
    public AccountRecord setApplicationEnabled(String accountId, String application, boolean enabled, AuditEntryDraft auditEntry) {
        // Locking the account row serialises concurrent switches of its applications.
        if (sql.queryOne("SELECT id FROM accounts WHERE id = ? FOR UPDATE", row -> true, accountId).isEmpty()) {
            throw new NotFoundException("account", accountId);
        }
        sql.update("DELETE FROM account_applications WHERE account_id = ? AND application = ?", accountId, application);
        if (enabled) {
            sql.update("INSERT INTO account_applications (account_id, application, enable_time) VALUES (?, ?, ?)", accountId, application, auditEntry.time());
        }
        audit.write(auditEntry);
        indexChanges.record(accountId, auditEntry.time());
        return find(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
    }

    private Set<String> applicationsOf(String accountId) {
        return Set.copyOf(sql.query("SELECT application FROM account_applications WHERE account_id = ?", row -> row.getString("application"), accountId));
    }
}
