package io.pbxhooks.admin.port;

import io.pbxhooks.admin.error.FailedPreconditionException;
import io.pbxhooks.admin.error.InvalidArgumentException;
import io.pbxhooks.admin.error.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The deliveries and their attempts, as the admin API reads them and queues them again. The outbox writes them;
 * this port never creates one. Implementations must be thread-safe.
 */
public interface DeliveryStore {

    /**
     * The deliveries that match the query, newest first (create time, then id, both descending).
     *
     * @throws InvalidArgumentException (field {@code page_token}) for a token this store did not return for this query
     */
    Page<DeliveryRecord> list(DeliveryQuery query);

    /** The delivery with this id, whatever its account: the caller checks the account. */
    Optional<DeliveryRecord> find(String id);

    /** The attempts of the delivery, oldest first (by number); empty for an unknown delivery. */
    List<AttemptRecord> attempts(String deliveryId);

    /**
     * Queues a SUCCEEDED or FAILED delivery again: state PENDING, next attempt time and update time {@code now}; its
     * id, attempt count, attempts and last status code and error are kept. A conditional update
     * ({@code ... WHERE id = ? AND state IN ('SUCCEEDED', 'FAILED')}) that writes the audit entry in the same
     * transaction; the dispatcher may then pick it up at once.
     *
     * @return the delivery as stored afterwards
     * @throws NotFoundException           when there is no such delivery; nothing is written
     * @throws FailedPreconditionException ({@link FailedPreconditionException#deliveryNotFinished}) when it is PENDING,
     *                                     IN_FLIGHT or RETRY_SCHEDULED; nothing is written
     */
    DeliveryRecord redeliver(String id, Instant now, AuditEntryDraft audit);
}
