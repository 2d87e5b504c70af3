package io.pbxhooks.admin.port;

import static java.util.Objects.requireNonNull;

/** A test delivery as stored after its one attempt, and that attempt. */
public record TestSendResult(DeliveryRecord delivery, AttemptRecord attempt) {

    public TestSendResult {
        requireNonNull(delivery, "delivery is null");
        requireNonNull(attempt, "attempt is null");
        if (!delivery.test()) {
            throw new IllegalArgumentException("delivery " + delivery.id() + " is not a test delivery");
        }
        if (!attempt.deliveryId().equals(delivery.id())) {
            throw new IllegalArgumentException("attempt of delivery " + attempt.deliveryId() + ", not of " + delivery.id());
        }
    }
}
