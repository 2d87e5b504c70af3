package io.pbxhooks.server.cli.demo;

import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateAccountRequest;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.Event;
import io.pbxhooks.admin.v1.FieldMapping;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.ListServiceTypesRequest;
import io.pbxhooks.admin.v1.ServiceType;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.server.cli.PbxhooksClient;
import io.pbxhooks.server.cli.simulation.SimulationPlan;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * What the demo sets up, as an operator: an account with the Service Integrations application on, a producer key for the
 * simulator, and one integration per Hosted PBX event that POSTs every field the event has to the receiver, signed.
 */
record DemoAccount(String accountId, String producerKey, List<Integration> integrations) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static DemoAccount create(PbxhooksClient operator, String receiverUrl) {
        String accountId = "demo-" + HexFormat.of().formatHex(randomBytes(3));
        operator.accounts().createAccount(CreateAccountRequest.newBuilder()
                .setAccount(Account.newBuilder().setId(accountId).setDisplayName("pbxhooks demo")).build());
        operator.accounts().setApplicationEnabled(SetApplicationEnabledRequest.newBuilder()
                .setAccountId(accountId).setApplication("service-integrations").setEnabled(true).build());
        String producerKey = operator.accounts().createApiKey(CreateApiKeyRequest.newBuilder()
                .setAccountId(accountId).setRole(ApiKey.Role.PRODUCER).setDescription("pbxhooks demo: the call simulator").build()).getSecret();
        ServiceType hostedPbx = operator.catalog().listServiceTypes(ListServiceTypesRequest.getDefaultInstance()).getServiceTypesList().stream()
                .filter(serviceType -> serviceType.getId().equals(SimulationPlan.SERVICE_TYPE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the server has no " + SimulationPlan.SERVICE_TYPE + " trigger plugin"));
        List<Integration> integrations = hostedPbx.getEventsList().stream()
                .map(event -> operator.integrations().createIntegration(CreateIntegrationRequest.newBuilder()
                        .setAccountId(accountId).setIntegration(integration(event, receiverUrl)).build()).getIntegration())
                .toList();
        return new DemoAccount(accountId, producerKey, integrations);
    }

    /** POST JSON to {@code <receiver>/<event id>} with every field of the event under its own id, signed the Standard Webhooks way. */
    private static Integration integration(Event event, String receiverUrl) {
        Integration.Builder integration = Integration.newBuilder()
                .setName("Demo: " + event.getDisplayName())
                .setType("webhook")
                .setTriggerServiceType(SimulationPlan.SERVICE_TYPE)
                .setTriggerEvent(event.getId())
                .setWebhook(Webhook.newBuilder()
                        .setRequestUrl(receiverUrl)
                        .setPathArguments(event.getId())
                        .setMethod(Webhook.Method.POST)
                        .setFormat(Webhook.Format.JSON)
                        .addHeaders(Webhook.Header.newBuilder().setName("X-Pbxhooks-Demo").setValue("true"))
                        .setSigningSecret("whsec_" + Base64.getEncoder().encodeToString(randomBytes(32))));
        event.getFieldIdsList().forEach(field -> integration.addFieldMappings(FieldMapping.newBuilder().setRequestKey(field).setField(field)));
        return integration.build();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
