package io.pbxhooks.admin;

import io.pbxhooks.admin.port.AccountRecord;
import io.pbxhooks.admin.port.ApiKeyRecord;
import io.pbxhooks.admin.port.Role;
import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.ApiKey;
import java.util.Objects;
import java.util.Optional;

/** Accounts and API keys as messages, and back. */
final class AccountMessages {

    private AccountMessages() {
    }

    static Account of(AccountRecord account) {
        return Account.newBuilder()
                .setId(account.id())
                .setDisplayName(account.displayName())
                .addAllApplications(account.applications())
                .setCreateTime(Timestamps.of(account.createTime()))
                .build();
    }

    static ApiKey of(ApiKeyRecord key) {
        ApiKey.Builder message = ApiKey.newBuilder()
                .setId(key.id())
                .setAccountId(Objects.requireNonNullElse(key.accountId(), ""))
                .setRole(ApiKey.Role.valueOf(key.role().name()))
                .setDescription(key.description())
                .setCreateTime(Timestamps.of(key.createTime()))
                .setRevoked(key.revoked());
        key.revokedAt().ifPresent(time -> message.setRevokeTime(Timestamps.of(time)));
        return message.build();
    }

    /** Empty for ROLE_UNSPECIFIED or a number this server does not know. */
    static Optional<Role> role(ApiKey.Role role) {
        return switch (role) {
            case OPERATOR -> Optional.of(Role.OPERATOR);
            case ADMIN -> Optional.of(Role.ADMIN);
            case PRODUCER -> Optional.of(Role.PRODUCER);
            default -> Optional.empty();
        };
    }
}
