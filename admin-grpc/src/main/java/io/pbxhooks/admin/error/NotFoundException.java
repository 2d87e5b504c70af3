package io.pbxhooks.admin.error;

/** An unknown resource, or one of an account the caller may not see: both look the same to the caller. */
public class NotFoundException extends AdminException {

    public NotFoundException(String resourceType, String id) {
        super(ErrorKind.NOT_FOUND, "NOT_FOUND", resourceType + " \"" + id + "\" not found");
    }
}
