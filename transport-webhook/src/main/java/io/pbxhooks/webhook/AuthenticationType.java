package io.pbxhooks.webhook;

/** How the request authenticates to the receiver. */
public enum AuthenticationType {
    NONE,
    /** {@code Authorization: Basic base64(username:password)}. */
    BASIC,
    /** {@code Authorization: Bearer <token>}. */
    TOKEN
}
