package io.pbxhooks.server.testing;

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
import io.pbxhooks.admin.v1.DeliveryServiceGrpc;
import io.pbxhooks.admin.v1.DeliveryServiceGrpc.DeliveryServiceBlockingStub;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc.EventIngestServiceBlockingStub;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc.EventIngestServiceStub;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole server (see {@link TestServer}) started with a known operator key, and stubs of the admin API and the
 * event ingest that send {@code authorization: Bearer <key>}. Every reply goes through a {@link ResponseRecorder}.
 */
public final class AdminTestServer implements AutoCloseable {

    public static final String OPERATOR_KEY = ApiKeySecrets.generate();

    private static final long CALL_TIMEOUT_SECONDS = 20;
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final TestServer server;
    private final ResponseRecorder recorder = new ResponseRecorder();
    private final Channel channel;

    public AdminTestServer(TestServer server) {
        this.server = server;
        this.channel = ClientInterceptors.intercept(server.channel(), recorder, new ClientInterceptor() {
            @Override
            public <RequestT, ResponseT> ClientCall<RequestT, ResponseT> interceptCall(
                    MethodDescriptor<RequestT, ResponseT> method, CallOptions options, Channel next) {
                return next.newCall(method, options.withDeadlineAfter(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
        });
    }

    public static AdminTestServer start(TestDatabase.Kind database) {
        return start(database, Map.of());
    }

    /** A server with these properties besides the operator key, e.g. faster delivery retries. */
    public static AdminTestServer start(TestDatabase.Kind database, Map<String, Object> extraProperties) {
        Map<String, Object> properties = new HashMap<>(extraProperties);
        properties.put("pbxhooks.operator-key", OPERATOR_KEY);
        return new AdminTestServer(TestServer.start(database, properties));
    }

    public TestServer server() {
        return server;
    }

    public ResponseRecorder recorder() {
        return recorder;
    }

    public AccountServiceBlockingStub accounts(String key) {
        return withKey(AccountServiceGrpc.newBlockingStub(channel), key);
    }

    public IntegrationServiceBlockingStub integrations(String key) {
        return withKey(IntegrationServiceGrpc.newBlockingStub(channel), key);
    }

    public DeliveryServiceBlockingStub deliveries(String key) {
        return withKey(DeliveryServiceGrpc.newBlockingStub(channel), key);
    }

    /** The event ingest for {@code PublishOne}. */
    public EventIngestServiceBlockingStub ingest(String key) {
        return withKey(EventIngestServiceGrpc.newBlockingStub(channel), key);
    }

    /** The event ingest for the {@code Publish} stream. */
    public EventIngestServiceStub ingestStream(String key) {
        return withKey(EventIngestServiceGrpc.newStub(channel), key);
    }

    public CatalogServiceBlockingStub catalog(String key) {
        return withKey(CatalogServiceGrpc.newBlockingStub(channel), key);
    }

    public AuditServiceBlockingStub audit(String key) {
        return withKey(AuditServiceGrpc.newBlockingStub(channel), key);
    }

    /** Creates the account as the operator. */
    public Account createAccount(String id) {
        return accounts(OPERATOR_KEY).createAccount(CreateAccountRequest.newBuilder()
                .setAccount(Account.newBuilder().setId(id).setDisplayName("Account " + id)).build()).getAccount();
    }

    /** Creates a key of the account as the operator; the response holds its secret. */
    public CreateApiKeyResponse createKey(String accountId, ApiKey.Role role) {
        return accounts(OPERATOR_KEY).createApiKey(CreateApiKeyRequest.newBuilder()
                .setAccountId(accountId).setRole(role).setDescription(role + " of " + accountId).build());
    }

    /** Creates the account and an admin key of it; returns the key's secret. */
    public String createAccountWithAdmin(String accountId) {
        createAccount(accountId);
        return createKey(accountId, ApiKey.Role.ADMIN).getSecret();
    }

    /** The channel to the server: every call has a deadline, every reply is recorded. */
    public Channel channel() {
        return channel;
    }

    /** The stub sending {@code authorization: Bearer <key>}, or no authorization header when {@code key} is null. */
    public static <S extends AbstractStub<S>> S withKey(S stub, String key) {
        return key == null ? stub : withAuthorization(stub, "Bearer " + key);
    }

    /** The stub sending exactly this authorization header. */
    public static <S extends AbstractStub<S>> S withAuthorization(S stub, String authorization) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, authorization);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
