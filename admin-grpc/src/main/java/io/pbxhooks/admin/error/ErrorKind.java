package io.pbxhooks.admin.error;

/** The kinds of failure the admin API reports; {@link ErrorStatuses} maps each to one gRPC status code. */
public enum ErrorKind {
    /** Bad input, with a violation per field: INVALID_ARGUMENT. */
    INVALID_ARGUMENT,
    /** Unknown, or not visible to the caller (no existence leak): NOT_FOUND. */
    NOT_FOUND,
    /** The id is taken: ALREADY_EXISTS. */
    ALREADY_EXISTS,
    /** The resource changed since the caller read it (a stale etag): ABORTED. */
    CONFLICT,
    /** The resource is not in a state that allows this (e.g. redelivering a delivery still in progress): FAILED_PRECONDITION. */
    FAILED_PRECONDITION,
    /** The caller's role may not do this: PERMISSION_DENIED. */
    PERMISSION_DENIED,
    /** No key, or an unknown or revoked one: UNAUTHENTICATED. */
    UNAUTHENTICATED,
    /** A quota is used up (e.g. the integrations of an account): RESOURCE_EXHAUSTED. */
    RESOURCE_EXHAUSTED
}
