package io.pbxhooks.admin.port;

import static java.util.Objects.requireNonNull;

/**
 * Who makes a call: the API key that authenticated it.
 *
 * @param accountId the key's account: null for an operator key, set for an admin key; a producer key has one, or none
 *                  when it is the PBX platform's own, publishing for every account
 */
public record Principal(String keyId, Role role, String accountId) {

    public Principal {
        requireNonNull(keyId, "keyId is null");
        requireNonNull(role, "role is null");
        if ((role == Role.OPERATOR && accountId != null) || (role == Role.ADMIN && accountId == null)) {
            throw new IllegalArgumentException("an operator key has no account and an admin key has one");
        }
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }
}
