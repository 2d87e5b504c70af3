package io.pbxhooks.admin.error;

/**
 * The resource exists and the caller may act on it, but not in its current state; the caller must change the
 * state first (or wait), not retry as is. The reason tells programs which precondition failed.
 */
public class FailedPreconditionException extends AdminException {

    /** A delivery is still on its way (PENDING, IN_FLIGHT or RETRY_SCHEDULED), so it cannot be queued again. */
    public static final String DELIVERY_NOT_FINISHED = "DELIVERY_NOT_FINISHED";
    /** The integration's trigger offers no sample of its event, so no test event can be sent. */
    public static final String NO_SAMPLE_EVENT = "NO_SAMPLE_EVENT";
    /** The plugin an integration names is not loaded on this server. */
    public static final String PLUGIN_NOT_LOADED = "PLUGIN_NOT_LOADED";

    /**
     * @param reason  the {@code google.rpc.ErrorInfo} reason: UPPER_SNAKE_CASE and stable, e.g. {@link #DELIVERY_NOT_FINISHED}
     * @param message for the caller; never contains a secret
     */
    public FailedPreconditionException(String reason, String message) {
        super(ErrorKind.FAILED_PRECONDITION, reason, message);
    }

    /** A delivery in {@code state} (anything but SUCCEEDED or FAILED) asked to be redelivered. */
    public static FailedPreconditionException deliveryNotFinished(String deliveryId, String state) {
        return new FailedPreconditionException(DELIVERY_NOT_FINISHED, "delivery \"" + deliveryId + "\" is " + state
                + ": only a SUCCEEDED or FAILED delivery can be delivered again");
    }
}
