package io.pbxhooks.admin.error;

import static java.util.Objects.requireNonNull;

/**
 * A failure the caller caused and can act on. Services and stores throw these; they are turned into a
 * gRPC status in one place ({@link ErrorStatuses}). The message is shown to the caller: it must never
 * contain a secret.
 */
public abstract class AdminException extends RuntimeException {

    private final ErrorKind kind;
    private final String reason;

    protected AdminException(ErrorKind kind, String reason, String message) {
        super(requireNonNull(message, "message is null"));
        this.kind = requireNonNull(kind, "kind is null");
        this.reason = requireNonNull(reason, "reason is null");
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The {@code google.rpc.ErrorInfo} reason: UPPER_SNAKE_CASE, stable, for programs. */
    public String reason() {
        return reason;
    }
}
