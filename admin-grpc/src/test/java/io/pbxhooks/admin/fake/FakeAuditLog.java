package io.pbxhooks.admin.fake;

import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.AuditLog;
import io.pbxhooks.admin.port.AuditRecord;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.port.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The audit trail the fake stores append to, each inside its own synchronized change. */
public final class FakeAuditLog implements AuditLog {

    private final List<AuditRecord> entries = new ArrayList<>();

    synchronized void append(AuditEntryDraft draft) {
        entries.add(AuditRecord.of(Integer.toString(entries.size() + 1), draft));
    }

    public synchronized List<AuditRecord> all() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized Page<AuditRecord> list(String accountId, PageRequest page) {
        List<AuditRecord> matching = entries.stream()
                .filter(entry -> accountId == null || accountId.equals(entry.accountId()))
                .sorted(Comparator.comparing(AuditRecord::time).thenComparing(entry -> Integer.parseInt(entry.id())).reversed())
                .toList();
        return InMemoryPages.page(matching, page);
    }
}
