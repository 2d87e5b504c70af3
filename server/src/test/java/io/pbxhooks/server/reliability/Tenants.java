package io.pbxhooks.server.reliability;

import static io.pbxhooks.server.reliability.CallTraffic.ANSWERED;
import static io.pbxhooks.server.reliability.CallTraffic.IVR;
import static io.pbxhooks.server.reliability.CallTraffic.IVR_OPTION;
import static io.pbxhooks.server.reliability.CallTraffic.OUTBOUND;
import static io.pbxhooks.server.reliability.CallTraffic.RECEIVED;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.AccountServiceGrpc;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateAccountRequest;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.WebhookIntegrations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Accounts and their webhook integrations, created through a node's admin API. Each integration posts to its own
 * path on the receiver ({@code /hooks/<account>/<trigger event>-<n>}) and maps the call UUID under {@code "call"}, so
 * every delivery that arrives names its integration and its event.
 */
final class Tenants implements AutoCloseable {

    /** An account with the application on, its producer key, and its integrations' paths by trigger event. */
    record Tenant(String accountId, String adminKey, String producerKey, Map<String, List<String>> pathsByTrigger) {
        List<String> paths(String triggerEvent) {
            return triggerEvent == null ? List.of() : pathsByTrigger.getOrDefault(triggerEvent, List.of());
        }
    }

    /** The accounts of the reliability tests and their integrations per trigger event: fan-out 1 to 3. */
    static final Map<String, Map<String, Integer>> FOUR_ACCOUNTS = Map.of(
            "acct-1", Map.of(RECEIVED, 2, ANSWERED, 2, OUTBOUND, 1, IVR, 1, IVR_OPTION, 1),
            "acct-2", Map.of(RECEIVED, 1, ANSWERED, 3, OUTBOUND, 1),
            "acct-3", Map.of(IVR, 1, IVR_OPTION, 2, OUTBOUND, 2),
            "acct-4", Map.of(RECEIVED, 1));

    private final ManagedChannel channel;
    private final String operatorKey;

    Tenants(ServerProcess node, String operatorKey) {
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", node.grpcPort()).usePlaintext().build();
        this.operatorKey = operatorKey;
    }

    /** Creates {@link #FOUR_ACCOUNTS} through {@code node}, in account order. */
    static Map<String, Tenant> fourAccounts(ServerProcess node, String operatorKey, CountingReceiver receiver) throws InterruptedException {
        Map<String, Tenant> tenants = new LinkedHashMap<>();
        try (Tenants admin = new Tenants(node, operatorKey)) {
            FOUR_ACCOUNTS.keySet().stream().sorted().forEach(account -> tenants.put(account, admin.create(account, FOUR_ACCOUNTS.get(account), receiver)));
        }
        return tenants;
    }

    /** An account with {@code copies.get(trigger)} integrations for each trigger event named (fan-out). */
    Tenant create(String accountId, Map<String, Integer> copies, CountingReceiver receiver) {
        AccountServiceGrpc.AccountServiceBlockingStub accounts = AdminTestServer.withKey(AccountServiceGrpc.newBlockingStub(channel), operatorKey)
                .withDeadlineAfter(30, TimeUnit.SECONDS);
        accounts.createAccount(CreateAccountRequest.newBuilder()
                .setAccount(Account.newBuilder().setId(accountId).setDisplayName("Reliability " + accountId)).build());
        String adminKey = key(accounts, accountId, ApiKey.Role.ADMIN);
        String producerKey = key(accounts, accountId, ApiKey.Role.PRODUCER);
        accounts.setApplicationEnabled(SetApplicationEnabledRequest.newBuilder().setAccountId(accountId)
                .setApplication("service-integrations").setEnabled(true).build());
        Map<String, List<String>> paths = new HashMap<>();
        copies.forEach((trigger, count) -> {
            for (int copy = 1; copy <= count; copy++) {
                String path = "/hooks/" + accountId + "/" + trigger + "-" + copy;
                createIntegration(adminKey, integration(path, trigger, receiver));
                paths.computeIfAbsent(trigger, key -> new ArrayList<>()).add(path);
            }
        });
        return new Tenant(accountId, adminKey, producerKey, Map.copyOf(paths));
    }

    Integration createIntegration(String adminKey, Integration.Builder integration) {
        return integrations(adminKey).createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration).build()).getIntegration();
    }

    IntegrationServiceGrpc.IntegrationServiceBlockingStub integrations(String adminKey) {
        return AdminTestServer.withKey(IntegrationServiceGrpc.newBlockingStub(channel), adminKey).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /** A webhook posting {@code {"call": <call UUID>, "when": <date/time>}} as JSON to {@code path} on the receiver. */
    static Integration.Builder integration(String path, String trigger, CountingReceiver receiver) {
        return Integration.newBuilder().setName(path).setType("webhook").setTriggerServiceType("hosted-pbx").setTriggerEvent(trigger)
                .setWebhook(Webhook.newBuilder().setRequestUrl(receiver.url(path)).setMethod(Webhook.Method.POST).setFormat(Webhook.Format.JSON))
                .addFieldMappings(WebhookIntegrations.mapping("call", "call_uuid"))
                .addFieldMappings(WebhookIntegrations.mapping("when", "date_time"));
    }

    private static String key(AccountServiceGrpc.AccountServiceBlockingStub accounts, String accountId, ApiKey.Role role) {
        return accounts.createApiKey(CreateApiKeyRequest.newBuilder().setAccountId(accountId).setRole(role)
                .setDescription(role + " of " + accountId).build()).getSecret();
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
