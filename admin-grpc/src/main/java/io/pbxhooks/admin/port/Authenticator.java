package io.pbxhooks.admin.port;

import java.util.Optional;

/** Recognises the API key a caller presents. Implementations must be thread-safe. */
@FunctionalInterface
public interface Authenticator {

    /**
     * @param presentedSecret the key as sent in {@code authorization: Bearer <key>}; never logged
     * @return who holds the key, or empty when the key is unknown or revoked
     */
    Optional<Principal> authenticate(String presentedSecret);
}
