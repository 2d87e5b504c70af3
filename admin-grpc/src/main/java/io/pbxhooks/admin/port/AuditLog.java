package io.pbxhooks.admin.port;

import io.pbxhooks.admin.error.InvalidArgumentException;

/**
 * The read side of the audit trail. Entries are written by the stores, each in the transaction of its change.
 */
public interface AuditLog {

    /**
     * Entries newest first (time, then id, both descending).
     *
     * @param accountId only the entries of this account; null for all entries, those of no account included
     * @throws InvalidArgumentException (field {@code page_token}) for a token this log did not return for this list
     */
    Page<AuditRecord> list(String accountId, PageRequest page);
}
