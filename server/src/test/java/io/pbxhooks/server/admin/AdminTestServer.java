package io.pbxhooks.server.admin;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.pbxhooks.admin.auth.ApiKeySecrets;
import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.AccountServiceGrpc;
import io.pbxhooks.admin.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.AuditServiceGrpc;
import io.pbxhooks.admin.v1.AuditServiceGrpc.AuditServiceBlockingStub;
import io.pbxhooks.admin.v1.CatalogServiceGrpc;
import io.pbxhooks.admin.v1.CatalogServiceGrpc.CatalogServiceBlockingStub;
import io.pbxhooks.admin.v1.CreateAccountRequest;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.CreateApiKeyResponse;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole server (see {@link TestServer}) started with a known operator key, and blocking stubs of the admin API
 * that send {@code authorization: Bearer <key>}. Every reply goes through a {@link ResponseRecorder}.
 */
final class AdminTestServer implements AutoCloseable {

    static final String OPERATOR_KEY = ApiKeySecrets.generate();

    private static final long CALL_TIMEOUT_SECONDS = 20;
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final TestServer server;
    private final ResponseRecorder recorder = new ResponseRecorder();
    private final Channel channel;

    AdminTestServer(TestServer server) {
        this.server = server;
        this.channel = ClientInterceptors.intercept(server.channel(), recorder, new ClientInterceptor() {
            @Override
            public <RequestT, ResponseT> ClientCall<RequestT, ResponseT> interceptCall(
                    MethodDescriptor<RequestT, ResponseT> method, CallOptions options, Channel next) {
                return next.newCall(method, options.withDeadlineAfter(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
        });
    }

    static AdminTestServer start(TestDatabase.Kind database) {
        return new AdminTestServer(TestServer.start(database, Map.of("pbxhooks.operator-key", OPERATOR_KEY)));
    }

    TestServer server() {
        return server;
    }

    ResponseRecorder recorder() {
        return recorder;
    }

    AccountServiceBlockingStub accounts(String key) {
        return withKey(AccountServiceGrpc.newBlockingStub(channel), key);
    }

    IntegrationServiceBlockingStub integrations(String key) {
        return withKey(IntegrationServiceGrpc.newBlockingStub(channel), key);
    }

    CatalogServiceBlockingStub catalog(String key) {
        return withKey(CatalogServiceGrpc.newBlockingStub(channel), key);
    }

    AuditServiceBlockingStub audit(String key) {
        return withKey(AuditServiceGrpc.newBlockingStub(channel), key);
    }

    /** Creates the account as the operator. */
    Account createAccount(String id) {
        return accounts(OPERATOR_KEY).createAccount(CreateAccountRequest.newBuilder()
                .setAccount(Account.newBuilder().setId(id).setDisplayName("Account " + id)).build()).getAccount();
    }

    /** Creates a key of the account as the operator; the response holds its secret. */
    CreateApiKeyResponse createKey(String accountId, ApiKey.Role role) {
        return accounts(OPERATOR_KEY).createApiKey(CreateApiKeyRequest.newBuilder()
                .setAccountId(accountId).setRole(role).setDescription(role + " of " + accountId).build());
    }

    /** Creates the account and an admin key of it; returns the key's secret. */
    String createAccountWithAdmin(String accountId) {
        createAccount(accountId);
        return createKey(accountId, ApiKey.Role.ADMIN).getSecret();
    }

    /** The channel to the server: every call has a deadline, every reply is recorded. */
    Channel channel() {
        return channel;
    }

    /** The stub sending {@code authorization: Bearer <key>}, or no authorization header when {@code key} is null. */
    static <S extends AbstractStub<S>> S withKey(S stub, String key) {
        return key == null ? stub : withAuthorization(stub, "Bearer " + key);
    }

    /** The stub sending exactly this authorization header. */
    static <S extends AbstractStub<S>> S withAuthorization(S stub, String authorization) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, authorization);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
