package io.pbxhooks.admin.error;

import static java.util.Objects.requireNonNull;

/**
 * A limit the operator set is reached: the caller must free something (delete an integration, close a stream) or ask
 * the operator for more; retrying as is fails again. Carries a {@code google.rpc.QuotaFailure} naming the subject.
 */
public class QuotaExceededException extends AdminException {

    /** The account has as many integrations as it may have. */
    public static final String INTEGRATIONS_PER_ACCOUNT = "INTEGRATIONS_PER_ACCOUNT_EXCEEDED";
    /** The key has as many Publish streams open as it may have. */
    public static final String PUBLISH_STREAMS_PER_KEY = "PUBLISH_STREAMS_PER_KEY_EXCEEDED";

    private final String subject;

    /**
     * @param reason  the {@code google.rpc.ErrorInfo} reason, e.g. {@link #INTEGRATIONS_PER_ACCOUNT}
     * @param subject what the quota is counted on, e.g. {@code account:acme}
     * @param message for the caller, naming the limit; never contains a secret
     */
    public QuotaExceededException(String reason, String subject, String message) {
        super(ErrorKind.RESOURCE_EXHAUSTED, reason, message);
        this.subject = requireNonNull(subject, "subject is null");
    }

    public static QuotaExceededException integrationsPerAccount(String accountId, int limit) {
        return new QuotaExceededException(INTEGRATIONS_PER_ACCOUNT, "account:" + accountId, "account \"" + accountId + "\" already has "
                + limit + " integrations, the most it may have (pbxhooks.limits.integrations-per-account): delete one first");
    }

    public String subject() {
        return subject;
    }
}
