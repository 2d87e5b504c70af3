package io.pbxhooks.admin.port;

import io.pbxhooks.admin.error.FailedPreconditionException;
import io.pbxhooks.admin.error.NotFoundException;
import java.time.Instant;

/** Sends an integration a sample event now, outside the outbox's schedule. Implementations must be thread-safe. */
public interface TestEventSender {

    /**
     * Sends the sample of the integration's trigger event ({@link io.pbxhooks.spi.TriggerPlugin#sampleEvent} at
     * {@code now}) through its transport, whether the integration is enabled or not and whether its account's
     * application is on or not, and records it:
     * <ol>
     *   <li>the event, the test delivery ({@code test} true, of the integration's account) and the audit entry, in one
     *       transaction, before the attempt;</li>
     *   <li>one attempt, bounded by the integration's timeout, with no transaction open;</li>
     *   <li>the attempt and the delivery's final state, in one transaction: SUCCEEDED, or FAILED whatever the failure
     *       (a test delivery is never retried; RedeliverDelivery sends it again).</li>
     * </ol>
     * The caller has checked that the trigger offers a sample and that both plugins are loaded. A failing receiver is
     * not an exception: the attempt says what happened.
     *
     * @return the test delivery as stored afterwards, and its attempt
     * @throws NotFoundException           when the integration no longer exists; nothing is written
     * @throws FailedPreconditionException when the trigger offers no sample after all, or a plugin is no longer
     *                                     loaded; nothing is written
     */
    TestSendResult send(IntegrationRecord integration, Instant now, AuditEntryDraft audit);
}
