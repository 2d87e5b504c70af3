package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.admin.auth.ApiKeySecrets;
import io.pbxhooks.admin.error.InvalidArgumentException;
import io.pbxhooks.admin.error.NotFoundException;
import io.pbxhooks.admin.port.AccountStore;
import io.pbxhooks.admin.port.ApiKeyRecord;
import io.pbxhooks.admin.port.ApiKeyStore;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.port.Principal;
import io.pbxhooks.admin.port.Role;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.CreateApiKeyResponse;
import io.pbxhooks.admin.v1.ListApiKeysRequest;
import io.pbxhooks.admin.v1.ListApiKeysResponse;
import io.pbxhooks.admin.v1.RevokeApiKeyRequest;
import io.pbxhooks.admin.v1.RevokeApiKeyResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The API key RPCs of AccountService. An operator manages every key; an admin manages the admin and producer
 * keys of its own account and never sees operator keys.
 */
final class ApiKeyOperations {

    private static final int DESCRIPTION_MAX_LENGTH = 200;

    private final ApiKeyStore keys;
    private final Access access;
    private final Clock clock;

    ApiKeyOperations(ApiKeyStore keys, AccountStore accounts, Clock clock) {
        this.keys = requireNonNull(keys, "keys is null");
        this.access = new Access(accounts);
        this.clock = requireNonNull(clock, "clock is null");
    }

    CreateApiKeyResponse create(Principal caller, CreateApiKeyRequest request) {
        Role role = AccountMessages.role(request.getRole()).orElseThrow(() ->
                InvalidArgumentException.of("role", "role is required: OPERATOR, ADMIN or PRODUCER"));
        if (request.getDescription().length() > DESCRIPTION_MAX_LENGTH) {
            throw InvalidArgumentException.of("description", "description must be at most " + DESCRIPTION_MAX_LENGTH + " characters");
        }
        String accountId = null;
        if (role == Role.OPERATOR) {
            Access.requireOperator(caller, "create operator keys");
            if (!request.getAccountId().isEmpty()) {
                throw InvalidArgumentException.of("account_id", "account_id must be empty for an operator key: operator keys belong to no account");
            }
        } else if (request.getAllAccounts()) {
            accountId = platformProducerKey(caller, role, request);
        } else {
            accountId = access.account(caller, request.getAccountId(), "account_id").id();
        }
        Instant now = clock.instant();
        String secret = ApiKeySecrets.generate();
        ApiKeyRecord key = new ApiKeyRecord(UUID.randomUUID().toString(), accountId, role, request.getDescription(), now, null);
        keys.create(key, ApiKeySecrets.hash(secret), new AuditEntryDraft(accountId, caller.keyId(), "api_key.create", "api_key",
                key.id(), "created " + role + " key \"" + key.description() + "\"", now));
        return CreateApiKeyResponse.newBuilder().setApiKey(AccountMessages.of(key)).setSecret(secret).build();
    }

    /** The PBX platform's producer key publishes events of every account: asked for explicitly, by an operator. */
    private static String platformProducerKey(Principal caller, Role role, CreateApiKeyRequest request) {
        if (role != Role.PRODUCER) {
            throw InvalidArgumentException.of("all_accounts", "all_accounts is only for a PRODUCER key (the PBX platform's, publishing for every account)");
        }
        Access.requireOperator(caller, "create a producer key for all accounts");
        if (!request.getAccountId().isEmpty()) {
            throw InvalidArgumentException.of("account_id", "account_id must be empty with all_accounts: the key publishes for every account");
        }
        return null;
    }

    ListApiKeysResponse list(Principal caller, ListApiKeysRequest request) {
        String accountId = access.accountFilter(caller, request.getAccountId(), "account_id");
        Page<ApiKeyRecord> page = keys.list(accountId, PageRequests.of(request.getPageSize(), request.getPageToken()));
        ListApiKeysResponse.Builder response = ListApiKeysResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(key -> response.addApiKeys(AccountMessages.of(key)));
        return response.build();
    }

    RevokeApiKeyResponse revoke(Principal caller, RevokeApiKeyRequest request) {
        String id = Access.requireId(request.getId(), "id");
        ApiKeyRecord key = keys.find(id)
                .filter(found -> caller.isOperator() || (found.accountId() != null && Access.canSee(caller, found.accountId())))
                .orElseThrow(() -> new NotFoundException("api_key", id));
        if (!key.revoked()) {
            Instant now = clock.instant();
            key = keys.revoke(id, now, new AuditEntryDraft(key.accountId(), caller.keyId(), "api_key.revoke", "api_key", id,
                    "revoked " + key.role() + " key \"" + key.description() + "\"", now));
        }
        return RevokeApiKeyResponse.newBuilder().setApiKey(AccountMessages.of(key)).build();
    }
}
