package io.pbxhooks.admin.error;

/** A create whose id is taken. */
public class AlreadyExistsException extends AdminException {

    public AlreadyExistsException(String resourceType, String id) {
        super(ErrorKind.ALREADY_EXISTS, "ALREADY_EXISTS", resourceType + " \"" + id + "\" already exists");
    }
}
