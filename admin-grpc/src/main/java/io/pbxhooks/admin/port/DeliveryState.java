package io.pbxhooks.admin.port;

/** Where a delivery is: PENDING → IN_FLIGHT → SUCCEEDED, or RETRY_SCHEDULED (→ IN_FLIGHT …), or FAILED. */
public enum DeliveryState {
    /** Waiting for its first attempt, or queued again by a redelivery. */
    PENDING,
    /** Claimed by a node, which is attempting it under a lease. */
    IN_FLIGHT,
    /** An attempt failed in a way worth retrying; the next is due at the delivery's next attempt time. */
    RETRY_SCHEDULED,
    SUCCEEDED,
    /** Failed for good: a final answer, or the retries ran out. */
    FAILED;

    /** Whether it is done with (SUCCEEDED or FAILED), so it may be redelivered. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
