package io.pbxhooks.admin.fake;

import io.pbxhooks.admin.error.AlreadyExistsException;
import io.pbxhooks.admin.error.NotFoundException;
import io.pbxhooks.admin.port.AccountRecord;
import io.pbxhooks.admin.port.AccountStore;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.port.PageRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

public final class FakeAccountStore implements AccountStore {

    private final TreeMap<String, AccountRecord> accounts = new TreeMap<>();
    private final FakeAuditLog auditLog;

    public FakeAccountStore(FakeAuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public void create(AccountRecord account, AuditEntryDraft audit) {
        synchronized (auditLog) {
            if (accounts.putIfAbsent(account.id(), account) != null) {
                throw new AlreadyExistsException("account", account.id());
            }
            auditLog.append(audit);
        }
    }

    @Override
    public Optional<AccountRecord> find(String id) {
        synchronized (auditLog) {
            return Optional.ofNullable(accounts.get(id));
        }
    }

    @Override
    public Page<AccountRecord> list(PageRequest page) {
        synchronized (auditLog) {
            return InMemoryPages.page(List.copyOf(accounts.values()), page);
        }
    }

    @Override
    public AccountRecord setApplicationEnabled(String accountId, String application, boolean enabled, AuditEntryDraft audit) {
        synchronized (auditLog) {
            AccountRecord stored = find(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
            Set<String> applications = new HashSet<>(stored.applications());
            if (enabled) {
                applications.add(application);
            } else {
                applications.remove(application);
            }
            AccountRecord updated = new AccountRecord(stored.id(), stored.displayName(), applications, stored.createTime());
            accounts.put(accountId, updated);
            auditLog.append(audit);
            return updated;
        }
    }
}
