package io.pbxhooks.server.cli;

import io.grpc.Status;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the {@code pbxhooks} command's exit status means; listed in every command's {@code --help}. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int DENIED = 4;
    public static final int INVALID = 5;
    public static final int UNAVAILABLE = 6;

    private ExitCodes() {
    }

    /** The exit status for a call that failed with {@code code}. */
    public static int of(Status.Code code) {
        return switch (code) {
            case NOT_FOUND -> NOT_FOUND;
            case PERMISSION_DENIED, UNAUTHENTICATED -> DENIED;
            case INVALID_ARGUMENT, FAILED_PRECONDITION -> INVALID;
            case UNAVAILABLE, DEADLINE_EXCEEDED -> UNAVAILABLE;
            default -> FAILED;
        };
    }

    /** For the help's "Exit codes" section. */
    static Map<String, String> descriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put(" " + OK, "done");
        descriptions.put(" " + FAILED, "failed otherwise (e.g. already exists, a limit reached, changed concurrently, a test send not accepted)");
        descriptions.put(" " + USAGE, "usage error: unknown command or option, missing or malformed value, no API key");
        descriptions.put(" " + NOT_FOUND, "not found (or not visible to this key)");
        descriptions.put(" " + DENIED, "the key is missing, unknown or revoked, or its role may not do this");
        descriptions.put(" " + INVALID, "rejected: invalid values (one field per line) or a failed precondition");
        descriptions.put(" " + UNAVAILABLE, "the server cannot be reached or did not answer in time");
        return descriptions;
    }
}
