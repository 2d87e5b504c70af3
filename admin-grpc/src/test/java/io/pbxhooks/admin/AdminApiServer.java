package io.pbxhooks.admin;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.pbxhooks.admin.auth.ApiKeySecrets;
import io.pbxhooks.admin.auth.StoredKeyAuthenticator;
import io.pbxhooks.admin.fake.FakeAccountStore;
import io.pbxhooks.admin.fake.FakeApiKeyStore;
import io.pbxhooks.admin.fake.FakeAuditLog;
import io.pbxhooks.admin.fake.FakeDeliveryStore;
import io.pbxhooks.admin.fake.FakeHostedPbxTrigger;
import io.pbxhooks.admin.fake.FakeIntegrationStore;
import io.pbxhooks.admin.fake.FakeQueueTransport;
import io.pbxhooks.admin.fake.FakeTestEventSender;
import io.pbxhooks.admin.fake.FakeWebhookTransport;
import io.pbxhooks.admin.fake.TickingClock;
import io.pbxhooks.admin.port.ApiKeyRecord;
import io.pbxhooks.admin.port.PluginCatalog;
import io.pbxhooks.admin.port.Role;
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
import io.pbxhooks.admin.v1.DeliveryServiceGrpc;
import io.pbxhooks.admin.v1.DeliveryServiceGrpc.DeliveryServiceBlockingStub;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The admin API on a real loopback socket over in-memory fakes, with one operator key. Stubs send the key
 * they are given as {@code authorization: Bearer <key>} (none when it is null).
 */
final class AdminApiServer implements AutoCloseable {

    static final String OPERATOR_KEY = ApiKeySecrets.generate();

    final FakeAuditLog auditLog = new FakeAuditLog();
    final FakeAccountStore accounts = new FakeAccountStore(auditLog);
    final FakeApiKeyStore apiKeys = new FakeApiKeyStore(auditLog);
    final FakeIntegrationStore integrations;
    final FakeDeliveryStore deliveries = new FakeDeliveryStore(auditLog);
    final FakeTestEventSender testEvents = new FakeTestEventSender(deliveries);
    final ResponseRecorder recorder = new ResponseRecorder();
    private final Server server;
    private final ManagedChannel channel;

    AdminApiServer() {
        this(null);
    }

    /** @param integrationStore null for a plain {@link FakeIntegrationStore} */
    AdminApiServer(FakeIntegrationStore integrationStore) {
        integrations = integrationStore != null ? integrationStore : new FakeIntegrationStore(auditLog);
        apiKeys.seed(new ApiKeyRecord("operator", null, Role.OPERATOR, "bootstrap", Instant.EPOCH, null), ApiKeySecrets.hash(OPERATOR_KEY));
        AdminPorts ports = new AdminPorts(new StoredKeyAuthenticator(apiKeys), accounts, apiKeys, integrations, auditLog, deliveries, testEvents);
        PluginCatalog catalog = PluginCatalog.of(List.of(new FakeHostedPbxTrigger()), List.of(new FakeWebhookTransport(), new FakeQueueTransport()));
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0));
        AdminApi.serviceDefinitions(ports, catalog, new TickingClock()).forEach(builder::addService);
        try {
            server = builder.build().start();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().intercept(recorder).build();
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

    DeliveryServiceBlockingStub deliveries(String key) {
        return withKey(DeliveryServiceGrpc.newBlockingStub(channel), key);
    }

    AuditServiceBlockingStub audit(String key) {
        return withKey(AuditServiceGrpc.newBlockingStub(channel), key);
    }

    void createAccount(String id) {
        accounts(OPERATOR_KEY).createAccount(CreateAccountRequest.newBuilder()
                .setAccount(Account.newBuilder().setId(id).setDisplayName("Account " + id)).build());
    }

    /** The secret of a new key of {@code accountId}, created by the operator. */
    String createKey(String accountId, ApiKey.Role role) {
        return accounts(OPERATOR_KEY).createApiKey(CreateApiKeyRequest.newBuilder()
                .setAccountId(accountId).setRole(role).setDescription(role + " of " + accountId).build()).getSecret();
    }

    private static <S extends AbstractStub<S>> S withKey(S stub, String key) {
        S bounded = stub.withDeadlineAfter(10, TimeUnit.SECONDS);
        if (key == null) {
            return bounded;
        }
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + key);
        return bounded.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow();
        server.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
        server.awaitTermination(5, TimeUnit.SECONDS);
    }
}
