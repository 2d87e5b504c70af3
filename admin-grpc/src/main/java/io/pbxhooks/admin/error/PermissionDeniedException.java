package io.pbxhooks.admin.error;

/** The caller is known, but its role may not do this. */
public class PermissionDeniedException extends AdminException {

    public PermissionDeniedException(String message) {
        super(ErrorKind.PERMISSION_DENIED, "PERMISSION_DENIED", message);
    }
}
