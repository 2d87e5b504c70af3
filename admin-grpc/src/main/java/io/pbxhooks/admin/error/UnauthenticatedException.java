package io.pbxhooks.admin.error;

/** No API key, or one that is unknown or revoked. */
public class UnauthenticatedException extends AdminException {

    public UnauthenticatedException(String message) {
        super(ErrorKind.UNAUTHENTICATED, "UNAUTHENTICATED", message);
    }
}
