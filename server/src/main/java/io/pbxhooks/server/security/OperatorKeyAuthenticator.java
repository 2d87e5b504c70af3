package io.pbxhooks.server.security;

import io.pbxhooks.admin.auth.ApiKeySecrets;
import io.pbxhooks.admin.port.Authenticator;
import io.pbxhooks.admin.port.Principal;
import io.pbxhooks.admin.port.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Recognises the bootstrap operator key (kept only as its hash) before the keys stored in the database. */
final class OperatorKeyAuthenticator implements Authenticator {

    static final String OPERATOR_KEY_ID = "bootstrap-operator";

    private final byte[] operatorKeyHash;
    private final Authenticator storedKeys;

    OperatorKeyAuthenticator(String operatorKey, Authenticator storedKeys) {
        this.operatorKeyHash = ApiKeySecrets.hash(operatorKey).getBytes(StandardCharsets.US_ASCII);
        this.storedKeys = storedKeys;
    }

    @Override
    public Optional<Principal> authenticate(String presentedSecret) {
        if (presentedSecret == null || presentedSecret.isEmpty()) {
            return Optional.empty();
        }
        byte[] presentedHash = ApiKeySecrets.hash(presentedSecret).getBytes(StandardCharsets.US_ASCII);
        if (MessageDigest.isEqual(presentedHash, operatorKeyHash)) {
            return Optional.of(new Principal(OPERATOR_KEY_ID, Role.OPERATOR, null));
        }
        return storedKeys.authenticate(presentedSecret);
    }
}
