package io.pbxhooks.admin.auth;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.admin.port.ApiKeyRecord;
import io.pbxhooks.admin.port.ApiKeyStore;
import io.pbxhooks.admin.port.Authenticator;
import io.pbxhooks.admin.port.Principal;
import java.util.Optional;

/** Recognises the keys of an {@link ApiKeyStore} by the hash of the presented secret; revoked keys are unknown. */
public final class StoredKeyAuthenticator implements Authenticator {

    private final ApiKeyStore keys;

    public StoredKeyAuthenticator(ApiKeyStore keys) {
        this.keys = requireNonNull(keys, "keys is null");
    }

    @Override
    public Optional<Principal> authenticate(String presentedSecret) {
        if (presentedSecret == null || presentedSecret.isEmpty()) {
            return Optional.empty();
        }
        return keys.findBySecretHash(ApiKeySecrets.hash(presentedSecret))
                .filter(key -> !key.revoked())
                .map(ApiKeyRecord::principal);
    }
}
