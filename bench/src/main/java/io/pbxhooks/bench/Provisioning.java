package io.pbxhooks.bench;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.AccountServiceGrpc;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateAccountRequest;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.FieldMapping;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.admin.v1.Webhook;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Accounts and webhook integrations created through the server's admin gRPC API, as an operator and an account's
 * administrator would: the Service Integrations application switched on, integrations signed the Standard Webhooks way.
 */
final class Provisioning implements AutoCloseable {

    static final String SIGNING_SECRET = "whsec_" + Base64.getEncoder().encodeToString(randomBytes(32));
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;
    private final String operatorKey;

    Provisioning(int grpcPort, String operatorKey) {
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        this.operatorKey = operatorKey;
    }

    /** A producer key of the PBX platform (no account): it publishes events of every account. */
    static String platformProducerKey(int grpcPort, String operatorKey) throws InterruptedException {
        try (Provisioning admin = new Provisioning(grpcPort, operatorKey)) {
            return withKey(AccountServiceGrpc.newBlockingStub(admin.channel), operatorKey).createApiKey(CreateApiKeyRequest.newBuilder()
                    .setRole(ApiKey.Role.PRODUCER).setAllAccounts(true).setDescription("bench producer").build()).getSecret();
        }
    }

    /** An account with the application on and {@code fanOut} integrations of inbound answered calls to the receiver. */
    void account(String accountId, int fanOut, Receiver receiver, boolean signed) {
        AccountServiceGrpc.AccountServiceBlockingStub accounts = withKey(AccountServiceGrpc.newBlockingStub(channel), operatorKey);
        accounts.createAccount(CreateAccountRequest.newBuilder().setAccount(Account.newBuilder().setId(accountId).setDisplayName("Bench " + accountId)).build());
        String adminKey = accounts.createApiKey(CreateApiKeyRequest.newBuilder().setAccountId(accountId).setRole(ApiKey.Role.ADMIN)
                .setDescription("bench admin").build()).getSecret();
        accounts.setApplicationEnabled(SetApplicationEnabledRequest.newBuilder().setAccountId(accountId).setApplication("service-integrations")
                .setEnabled(true).build());
        IntegrationServiceGrpc.IntegrationServiceBlockingStub integrations = withKey(IntegrationServiceGrpc.newBlockingStub(channel), adminKey);
        for (int copy = 1; copy <= fanOut; copy++) {
            Webhook.Builder webhook = Webhook.newBuilder().setRequestUrl(receiver.url("/hooks/" + accountId + "/" + copy))
                    .setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON);
            if (signed) {
                webhook.setSigningSecret(SIGNING_SECRET);
            }
            Integration.Builder integration = Integration.newBuilder().setName("bench " + copy).setType("webhook")
                    .setTriggerServiceType(BenchEvents.SERVICE_TYPE).setTriggerEvent(BenchEvents.ANSWERED).setWebhook(webhook);
            BenchEvents.MAPPINGS.forEach(mapping -> integration.addFieldMappings(FieldMapping.newBuilder()
                    .setRequestKey(mapping.requestKey()).setField(mapping.field())));
            integrations.createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration).build());
        }
    }

    static <S extends AbstractStub<S>> S withKey(S stub, String key) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + key);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
