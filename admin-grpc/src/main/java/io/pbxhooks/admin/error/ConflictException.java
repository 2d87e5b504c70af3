package io.pbxhooks.admin.error;

/** An optimistic-concurrency failure: the resource changed since the caller read it. */
public class ConflictException extends AdminException {

    public ConflictException(String resourceType, String id) {
        super(ErrorKind.CONFLICT, "ETAG_MISMATCH",
                resourceType + " \"" + id + "\" was changed since it was read: read it again, reapply your change and retry");
    }
}
