package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.admin.error.InvalidArgumentException;
import io.pbxhooks.admin.error.NotFoundException;
import io.pbxhooks.admin.error.PermissionDeniedException;
import io.pbxhooks.admin.port.AccountRecord;
import io.pbxhooks.admin.port.AccountStore;
import io.pbxhooks.admin.port.Principal;

/**
 * Who may see what. An operator sees every account; an admin sees only its own, and anything of another
 * account is reported NOT_FOUND, exactly like something that does not exist, so nothing leaks.
 */
final class Access {

    private final AccountStore accounts;

    Access(AccountStore accounts) {
        this.accounts = requireNonNull(accounts, "accounts is null");
    }

    static void requireOperator(Principal caller, String action) {
        if (!caller.isOperator()) {
            throw new PermissionDeniedException("only an operator key may " + action);
        }
    }

    static boolean canSee(Principal caller, String accountId) {
        return caller.isOperator() || accountId.equals(caller.accountId());
    }

    /**
     * The account a request names in {@code field}. An admin may leave it empty to mean its own account; an
     * operator must set it.
     */
    AccountRecord account(Principal caller, String requestedId, String field) {
        String id = requestedId;
        if (id.isEmpty()) {
            if (caller.isOperator()) {
                throw InvalidArgumentException.of(field, field + " is required with an operator key");
            }
            id = caller.accountId();
        }
        String accountId = id;
        return accounts.find(accountId).filter(account -> canSee(caller, account.id()))
                .orElseThrow(() -> new NotFoundException("account", accountId));
    }

    /** Like {@link #account}, except that an operator may leave it empty to mean every account: then null. */
    String accountFilter(Principal caller, String requestedId, String field) {
        if (requestedId.isEmpty() && caller.isOperator()) {
            return null;
        }
        return account(caller, requestedId, field).id();
    }

    static String requireId(String id, String field) {
        if (id.isEmpty()) {
            throw InvalidArgumentException.of(field, field + " is required");
        }
        return id;
    }
}
