package io.pbxhooks.server.fuzz;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.grpc.MethodDescriptor;
import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.AccountServiceGrpc;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.AuditServiceGrpc;
import io.pbxhooks.admin.v1.CatalogServiceGrpc;
import io.pbxhooks.admin.v1.CreateAccountRequest;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.DeleteIntegrationRequest;
import io.pbxhooks.admin.v1.DeliveryServiceGrpc;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.EnableIntegrationRequest;
import io.pbxhooks.admin.v1.GetAccountRequest;
import io.pbxhooks.admin.v1.GetDeliveryRequest;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc;
import io.pbxhooks.admin.v1.ListAccountsRequest;
import io.pbxhooks.admin.v1.ListApiKeysRequest;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.ListDeliveriesRequest;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.ListServiceTypesRequest;
import io.pbxhooks.admin.v1.ListTransportTypesRequest;
import io.pbxhooks.admin.v1.RedeliverDeliveryRequest;
import io.pbxhooks.admin.v1.RevokeApiKeyRequest;
import io.pbxhooks.admin.v1.SendTestEventRequest;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.admin.v1.UpdateIntegrationRequest;
import io.pbxhooks.admin.v1.ValidateIntegrationRequest;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every method of the admin API and the event ingest, each with a valid request to start mutating from (naming the
 * account, integration and delivery the fuzz test set up) and a weight: how often it is picked.
 */
final class FuzzTargets {

    /** One method and the valid request its fuzzed requests derive from. */
    record Target(MethodDescriptor<?, ?> method, Message template) {
        String name() {
            return method.getBareMethodName();
        }
    }

    private FuzzTargets() {
    }

    static Integration.Builder integration(String receiverUrl) {
        Integration.Builder integration = WebhookIntegrations.answeredCallsWithSecrets("Fuzz CRM", "s3cret-password",
                WebhookIntegrations.newSigningSecret());
        integration.getWebhookBuilder().setRequestUrl(receiverUrl).setTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(2));
        return integration;
    }

    static CallEvent answeredCall() {
        return CallEvent.newBuilder().setKind(CallEvent.Kind.CALL_ANSWERED).setDirection(CallEvent.Direction.INBOUND)
                .setAnswerMethod(CallEvent.AnswerMethod.DIRECT).setCallUuid(UUID.randomUUID().toString())
                .setSourceNumber("+61491570156").setDestinationNumber("+61255501000")
                .setService(CallEvent.Service.newBuilder().setUuid("svc-1").setName("fuzz-pbx").setFriendlyName("Fuzz HQ"))
                .setExtension(CallEvent.Extension.newBuilder().setNumber("0042").setName("Zoë").setHasVoicemail(true)
                        .addEnabledCalls(CallEvent.Extension.CallCategory.MOBILE))
                .build();
    }

    static PublishRequest event(String accountId, String eventId) {
        return PublishRequest.newBuilder().setEventId(eventId).setAccountId(accountId).setServiceType("hosted-pbx")
                .setOccurredAt(Timestamp.newBuilder().setSeconds(1_795_000_000L).setNanos(123_000_000))
                .setPayload(Any.pack(answeredCall())).build();
    }

    /** The targets, each repeated by its weight. */
    static List<Target> weighted(String accountId, Integration stored, String victimIntegrationId, String deliveryId, String receiverUrl) {
        List<Target> targets = new ArrayList<>();
        add(targets, 1, AccountServiceGrpc.getCreateAccountMethod(), CreateAccountRequest.newBuilder()
                .setAccount(Account.newBuilder().setId("fuzz-account").setDisplayName("Fuzz Pty Ltd")).build());
        add(targets, 1, AccountServiceGrpc.getGetAccountMethod(), GetAccountRequest.newBuilder().setId(accountId).build());
        add(targets, 1, AccountServiceGrpc.getListAccountsMethod(), ListAccountsRequest.newBuilder().setPageSize(10).build());
        add(targets, 1, AccountServiceGrpc.getSetApplicationEnabledMethod(), SetApplicationEnabledRequest.newBuilder()
                .setAccountId(accountId).setApplication("service-integrations").setEnabled(true).build());
        add(targets, 1, AccountServiceGrpc.getCreateApiKeyMethod(), CreateApiKeyRequest.newBuilder()
                .setAccountId(accountId).setRole(ApiKey.Role.PRODUCER).setDescription("fuzz producer").build());
        add(targets, 1, AccountServiceGrpc.getListApiKeysMethod(), ListApiKeysRequest.newBuilder().setAccountId(accountId).setPageSize(5).build());
        add(targets, 1, AccountServiceGrpc.getRevokeApiKeyMethod(), RevokeApiKeyRequest.newBuilder().setId("no-such-key").build());
        add(targets, 1, CatalogServiceGrpc.getListServiceTypesMethod(), ListServiceTypesRequest.getDefaultInstance());
        add(targets, 1, CatalogServiceGrpc.getListTransportTypesMethod(), ListTransportTypesRequest.getDefaultInstance());
        add(targets, 5, IntegrationServiceGrpc.getCreateIntegrationMethod(), CreateIntegrationRequest.newBuilder()
                .setIntegration(integration(receiverUrl)).build());
        add(targets, 1, IntegrationServiceGrpc.getGetIntegrationMethod(), GetIntegrationRequest.newBuilder().setId(stored.getId()).build());
        add(targets, 1, IntegrationServiceGrpc.getListIntegrationsMethod(), ListIntegrationsRequest.newBuilder().setAccountId(accountId)
                .setTriggerServiceType("hosted-pbx").setPageSize(20).build());
        add(targets, 5, IntegrationServiceGrpc.getUpdateIntegrationMethod(), UpdateIntegrationRequest.newBuilder()
                .setIntegration(integration(receiverUrl).setId(stored.getId()).setEtag(stored.getEtag())).build());
        add(targets, 1, IntegrationServiceGrpc.getEnableIntegrationMethod(), EnableIntegrationRequest.newBuilder().setId(stored.getId()).build());
        add(targets, 1, IntegrationServiceGrpc.getDisableIntegrationMethod(), DisableIntegrationRequest.newBuilder().setId(stored.getId()).build());
        add(targets, 1, IntegrationServiceGrpc.getDeleteIntegrationMethod(), DeleteIntegrationRequest.newBuilder().setId(victimIntegrationId).build());
        Integration.Builder queryString = integration(receiverUrl);
        queryString.getWebhookBuilder().setMethod(Webhook.Method.GET).setFormat(Webhook.Format.QUERY);
        add(targets, 4, IntegrationServiceGrpc.getValidateIntegrationMethod(), ValidateIntegrationRequest.newBuilder()
                .setIntegration(queryString).build());
        add(targets, 1, DeliveryServiceGrpc.getListDeliveriesMethod(), ListDeliveriesRequest.newBuilder().setAccountId(accountId).setPageSize(10).build());
        add(targets, 1, DeliveryServiceGrpc.getGetDeliveryMethod(), GetDeliveryRequest.newBuilder().setId(deliveryId).build());
        add(targets, 1, DeliveryServiceGrpc.getRedeliverDeliveryMethod(), RedeliverDeliveryRequest.newBuilder().setId(deliveryId).build());
        add(targets, 1, AuditServiceGrpc.getListAuditEntriesMethod(), ListAuditEntriesRequest.newBuilder().setAccountId(accountId).setPageSize(10).build());
        add(targets, 8, EventIngestServiceGrpc.getPublishOneMethod(), event(accountId, "fuzz-event-template"));
        add(targets, 2, EventIngestServiceGrpc.getPublishMethod(), event(accountId, "fuzz-stream-template"));
        return targets;
    }

    /** Sends a test event: rarely, as it waits for the receiver. */
    static Target sendTestEvent(String integrationId) {
        return new Target(IntegrationServiceGrpc.getSendTestEventMethod(), SendTestEventRequest.newBuilder().setId(integrationId).build());
    }

    private static void add(List<Target> targets, int weight, MethodDescriptor<?, ?> method, Message template) {
        for (int copy = 0; copy < weight; copy++) {
            targets.add(new Target(method, template));
        }
    }
}
