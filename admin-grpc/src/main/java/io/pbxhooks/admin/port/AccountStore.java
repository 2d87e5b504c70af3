package io.pbxhooks.admin.port;

import io.pbxhooks.admin.error.AlreadyExistsException;
import io.pbxhooks.admin.error.InvalidArgumentException;
import io.pbxhooks.admin.error.NotFoundException;
import java.util.Optional;

/**
 * The accounts. Every mutation writes its {@link AuditEntryDraft} in the same transaction as the change:
 * both are committed or neither. Implementations must be thread-safe.
 */
public interface AccountStore {

    /**
     * Stores a new account and its audit entry in one transaction.
     *
     * @throws AlreadyExistsException when an account with this id exists; nothing is written
     */
    void create(AccountRecord account, AuditEntryDraft audit);

    Optional<AccountRecord> find(String id);

    /**
     * Accounts ordered by id.
     *
     * @throws InvalidArgumentException (field {@code page_token}) for a token this store did not return for this list
     */
    Page<AccountRecord> list(PageRequest page);

    /**
     * Switches {@code application} on or off for the account and writes the audit entry, in one transaction.
     * Switching it to the state it already has is allowed (the audit entry is still written).
     *
     * @return the account as stored afterwards
     * @throws NotFoundException when there is no such account; nothing is written
     */
    AccountRecord setApplicationEnabled(String accountId, String application, boolean enabled, AuditEntryDraft audit);
}
