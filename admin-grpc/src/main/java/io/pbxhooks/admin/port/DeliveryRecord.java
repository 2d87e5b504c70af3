package io.pbxhooks.admin.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored delivery: one event on its way to one integration.
 *
 * @param id              sent as {@code webhook-id}, the same on every attempt
 * @param eventId         the event's id as its producer published it
 * @param attemptCount    how many attempts have been made
 * @param nextAttemptTime when the next attempt is due; null when none is scheduled
 * @param lastStatusCode  the receiver's status code on the last attempt; 0 when there is none
 * @param lastError       what went wrong on the last attempt; null when it succeeded or none was made
 * @param test            a sample event sent by {@link TestEventSender}
 */
public record DeliveryRecord(String id, String accountId, String integrationId, String eventId, String serviceType, String eventType,
                             DeliveryState state, int attemptCount, Instant createTime, Instant updateTime, Instant nextAttemptTime,
                             int lastStatusCode, String lastError, boolean test) {

    public DeliveryRecord {
        requireNonNull(id, "id is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(integrationId, "integrationId is null");
        requireNonNull(eventId, "eventId is null");
        requireNonNull(serviceType, "serviceType is null");
        requireNonNull(eventType, "eventType is null");
        requireNonNull(state, "state is null");
        requireNonNull(createTime, "createTime is null");
        requireNonNull(updateTime, "updateTime is null");
        if (attemptCount < 0) {
            throw new IllegalArgumentException("attemptCount is negative: " + attemptCount);
        }
    }

    public Optional<Instant> nextAttempt() {
        return Optional.ofNullable(nextAttemptTime);
    }

    public Optional<String> lastErrorIfAny() {
        return Optional.ofNullable(lastError);
    }

    /** The same delivery queued again: PENDING, due at {@code now}; what its last attempt said is kept. */
    public DeliveryRecord redelivered(Instant now) {
        return new DeliveryRecord(id, accountId, integrationId, eventId, serviceType, eventType, DeliveryState.PENDING, attemptCount,
                createTime, now, now, lastStatusCode, lastError, test);
    }
}
