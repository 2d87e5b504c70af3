package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.pbxhooks.admin.auth.Caller;
import io.pbxhooks.admin.error.InvalidArgumentException;
import io.pbxhooks.admin.port.AccountRecord;
import io.pbxhooks.admin.port.AccountStore;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.port.Principal;
import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.AccountServiceGrpc;
import io.pbxhooks.admin.v1.CreateAccountRequest;
import io.pbxhooks.admin.v1.CreateAccountResponse;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.CreateApiKeyResponse;
import io.pbxhooks.admin.v1.GetAccountRequest;
import io.pbxhooks.admin.v1.GetAccountResponse;
import io.pbxhooks.admin.v1.ListAccountsRequest;
import io.pbxhooks.admin.v1.ListAccountsResponse;
import io.pbxhooks.admin.v1.ListApiKeysRequest;
import io.pbxhooks.admin.v1.ListApiKeysResponse;
import io.pbxhooks.admin.v1.RevokeApiKeyRequest;
import io.pbxhooks.admin.v1.RevokeApiKeyResponse;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.admin.v1.SetApplicationEnabledResponse;
import io.pbxhooks.model.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** AccountService: accounts and their applications here, API keys in {@link ApiKeyOperations}. */
final class AccountGrpcService extends AccountServiceGrpc.AccountServiceImplBase {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int DISPLAY_NAME_MAX_LENGTH = 200;

    private final AccountStore accounts;
    private final Access access;
    private final ApiKeyOperations apiKeys;
    private final Clock clock;

    AccountGrpcService(AccountStore accounts, ApiKeyOperations apiKeys, Clock clock) {
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.access = new Access(accounts);
        this.apiKeys = requireNonNull(apiKeys, "apiKeys is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void createAccount(CreateAccountRequest request, StreamObserver<CreateAccountResponse> responses) {
        Principal caller = Caller.current();
        Access.requireOperator(caller, "create accounts");
        Account requested = request.getAccount();
        List<Violation> violations = new ArrayList<>();
        if (!ACCOUNT_ID.matcher(requested.getId()).matches()) {
            violations.add(new Violation("account.id", requested.getId().isEmpty() ? "id is required"
                    : "id must be letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters"));
        }
        if (requested.getDisplayName().isBlank()) {
            violations.add(new Violation("account.display_name", "display_name is required"));
        } else if (requested.getDisplayName().length() > DISPLAY_NAME_MAX_LENGTH) {
            violations.add(new Violation("account.display_name", "display_name must be at most " + DISPLAY_NAME_MAX_LENGTH + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
        Instant now = clock.instant();
        AccountRecord account = new AccountRecord(requested.getId(), requested.getDisplayName(), Set.of(), now);
        accounts.create(account, new AuditEntryDraft(account.id(), caller.keyId(), "account.create", "account", account.id(),
                "created account \"" + account.displayName() + "\"", now));
        Unary.reply(responses, CreateAccountResponse.newBuilder().setAccount(AccountMessages.of(account)).build());
    }

    @Override
    public void getAccount(GetAccountRequest request, StreamObserver<GetAccountResponse> responses) {
        AccountRecord account = access.account(Caller.current(), request.getId(), "id");
        Unary.reply(responses, GetAccountResponse.newBuilder().setAccount(AccountMessages.of(account)).build());
    }

    @Override
    public void listAccounts(ListAccountsRequest request, StreamObserver<ListAccountsResponse> responses) {
        Access.requireOperator(Caller.current(), "list accounts");
        Page<AccountRecord> page = accounts.list(PageRequests.of(request.getPageSize(), request.getPageToken()));
        ListAccountsResponse.Builder response = ListAccountsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(account -> response.addAccounts(AccountMessages.of(account)));
        Unary.reply(responses, response.build());
    }

    @Override
    public void setApplicationEnabled(SetApplicationEnabledRequest request, StreamObserver<SetApplicationEnabledResponse> responses) {
        Principal caller = Caller.current();
        AccountRecord account = access.account(caller, request.getAccountId(), "account_id");
        String application = Applications.requireKnown(request.getApplication());
        Instant now = clock.instant();
        String summary = "switched application " + application + (request.getEnabled() ? " on" : " off");
        AccountRecord updated = accounts.setApplicationEnabled(account.id(), application, request.getEnabled(),
                new AuditEntryDraft(account.id(), caller.keyId(), "account.set_application", "account", account.id(), summary, now));
        Unary.reply(responses, SetApplicationEnabledResponse.newBuilder().setAccount(AccountMessages.of(updated)).build());
    }

    @Override
    public void createApiKey(CreateApiKeyRequest request, StreamObserver<CreateApiKeyResponse> responses) {
        Unary.reply(responses, apiKeys.create(Caller.current(), request));
    }

    @Override
    public void listApiKeys(ListApiKeysRequest request, StreamObserver<ListApiKeysResponse> responses) {
        Unary.reply(responses, apiKeys.list(Caller.current(), request));
    }

    @Override
    public void revokeApiKey(RevokeApiKeyRequest request, StreamObserver<RevokeApiKeyResponse> responses) {
        Unary.reply(responses, apiKeys.revoke(Caller.current(), request));
    }
}
