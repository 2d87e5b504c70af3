package io.pbxhooks.admin.error;

/**
 * A request that is not a message of the method's request type at all (bytes that do not parse: invalid UTF-8 in a
 * string, a truncated or garbled encoding, another type's fields), or a unary call with no request or several.
 */
public class MalformedRequestException extends AdminException {

    public static final String REASON = "MALFORMED_REQUEST";

    public MalformedRequestException(String methodName, String problem) {
        super(ErrorKind.INVALID_ARGUMENT, REASON, "malformed request to " + methodName + ": " + problem);
    }
}
