package io.pbxhooks.server.ssrf;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.pbxhooks.admin.auth.ApiKeySecrets;
import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.AccountServiceGrpc;
import io.pbxhooks.admin.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateAccountRequest;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.DeliveryServiceGrpc;
import io.pbxhooks.admin.v1.DeliveryServiceGrpc.DeliveryServiceBlockingStub;
import io.pbxhooks.admin.v1.FieldMapping;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc.IntegrationServiceBlockingStub;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A test server on the given database with the given {@code pbxhooks.allowed-destinations}, one account with the application on, and the
 * account's admin and PBX (producer) stubs.
 */
final class SsrfServer implements AutoCloseable {

    private static final String OPERATOR_KEY = ApiKeySecrets.generate();
    private static final String ACCOUNT = "acme";
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final TestServer server;
    private final String adminKey;
    private final String producerKey;

    SsrfServer(TestDatabase.Kind database, String allowedDestinations) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("pbxhooks.operator-key", OPERATOR_KEY);
        properties.put("pbxhooks.allowed-destinations", allowedDestinations);
        properties.put("pbxhooks.delivery.poll-interval", "100ms");
        server = TestServer.start(database, properties);
        AccountServiceBlockingStub operator = stub(AccountServiceGrpc.newBlockingStub(server.channel()), OPERATOR_KEY);
        operator.createAccount(CreateAccountRequest.newBuilder().setAccount(Account.newBuilder().setId(ACCOUNT).setDisplayName("Acme")).build());
        operator.setApplicationEnabled(SetApplicationEnabledRequest.newBuilder()
                .setAccountId(ACCOUNT).setApplication("service-integrations").setEnabled(true).build());
        adminKey = operator.createApiKey(CreateApiKeyRequest.newBuilder().setAccountId(ACCOUNT).setRole(ApiKey.Role.ADMIN).build()).getSecret();
        producerKey = operator.createApiKey(CreateApiKeyRequest.newBuilder().setAccountId(ACCOUNT).setRole(ApiKey.Role.PRODUCER).build()).getSecret();
    }

    IntegrationServiceBlockingStub integrations() {
        return stub(IntegrationServiceGrpc.newBlockingStub(server.channel()), adminKey);
    }

    DeliveryServiceBlockingStub deliveries() {
        return stub(DeliveryServiceGrpc.newBlockingStub(server.channel()), adminKey);
    }

    /** A webhook of received inbound calls to {@code requestUrl}, saved. */
    Integration createWebhook(String requestUrl) {
        return integrations().createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(webhook(requestUrl)).build()).getIntegration();
    }

    static Integration.Builder webhook(String requestUrl) {
        return Integration.newBuilder().setName("CRM").setType("webhook").setTriggerServiceType("hosted-pbx").setTriggerEvent("inbound_call_received")
                .setWebhook(Webhook.newBuilder().setRequestUrl(requestUrl).setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON))
                .addFieldMappings(FieldMapping.newBuilder().setRequestKey("caller").setField("source_number"));
    }

    /** Publishes an inbound call as the account's PBX: it fires one delivery per integration of received inbound calls. */
    PublishResponse publishInboundCall() {
        Instant now = Instant.now();
        CallEvent call = CallEvent.newBuilder().setKind(CallEvent.Kind.CALL_STARTED).setDirection(CallEvent.Direction.INBOUND)
                .setService(CallEvent.Service.newBuilder().setUuid(UUID.randomUUID().toString()).setName("pbx").setFriendlyName("PBX"))
                .setCallUuid(UUID.randomUUID().toString()).setSourceNumber("+61491570156").setDestinationNumber("+61255501000").build();
        PublishRequest request = PublishRequest.newBuilder().setEventId("event-" + UUID.randomUUID()).setAccountId(ACCOUNT).setServiceType("hosted-pbx")
                .setOccurredAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano())).setPayload(Any.pack(call)).build();
        return stub(EventIngestServiceGrpc.newBlockingStub(server.channel()), producerKey).publishOne(request);
    }

    private static <S extends AbstractStub<S>> S stub(S stub, String key) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + key);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
