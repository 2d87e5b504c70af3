package io.pbxhooks.admin.port;

import io.pbxhooks.admin.error.AlreadyExistsException;
import io.pbxhooks.admin.error.ConflictException;
import io.pbxhooks.admin.error.InvalidArgumentException;
import io.pbxhooks.admin.error.NotFoundException;
import io.pbxhooks.admin.error.QuotaExceededException;
import java.util.Optional;

/**
 * The integrations. Records carry secrets in clear; the store encrypts the transport schema's SECRET settings
 * at rest and decrypts them on read. Every mutation writes its {@link AuditEntryDraft} in the same transaction
 * as the change. Implementations must be thread-safe.
 */
public interface IntegrationStore {

    /**
     * Stores a new integration (its version is 1) and the audit entry in one transaction, unless its account already has
     * {@code accountLimit} integrations: counted so that concurrent creates cannot pass the limit together.
     *
     * @throws AlreadyExistsException when an integration with this id exists; nothing is written
     * @throws QuotaExceededException when the account already has {@code accountLimit} integrations; nothing is written
     */
    void create(IntegrationRecord integration, int accountLimit, AuditEntryDraft audit);

    /** The integration with this id, whatever its account: the caller checks the account. */
    Optional<IntegrationRecord> find(String id);

    /**
     * The integrations that match the query, in creation order (create time, then id).
     *
     * @throws InvalidArgumentException (field {@code page_token}) for a token this store did not return for this query
     */
    Page<IntegrationRecord> list(IntegrationQuery query);

    /**
     * Replaces the integration with the same id if its stored version is still {@code expectedVersion}
     * (a conditional update: {@code ... WHERE id = ? AND version = ?}), storing it with version
     * {@code expectedVersion + 1} whatever {@code replacement.version()} says, and writes the audit entry; all
     * in one transaction. Its id, account id and create time never change.
     *
     * @return the integration as stored afterwards
     * @throws NotFoundException when there is no such integration; nothing is written
     * @throws ConflictException when the stored version is not {@code expectedVersion}; nothing is written
     */
    IntegrationRecord update(IntegrationRecord replacement, long expectedVersion, AuditEntryDraft audit);

    /**
     * Deletes the integration and writes the audit entry, in one transaction.
     *
     * @throws NotFoundException when there is no such integration; nothing is written
     */
    void delete(String id, AuditEntryDraft audit);
}
