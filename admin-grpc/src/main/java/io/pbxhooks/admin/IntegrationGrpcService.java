package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.pbxhooks.admin.auth.Caller;
import io.pbxhooks.admin.error.ErrorStatuses;
import io.pbxhooks.admin.port.AccountStore;
import io.pbxhooks.admin.port.IntegrationQuery;
import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.admin.port.IntegrationStore;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.port.PluginCatalog;
import io.pbxhooks.admin.port.Principal;
import io.pbxhooks.admin.port.TestEventSender;
import io.pbxhooks.admin.port.TestSendResult;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.CreateIntegrationResponse;
import io.pbxhooks.admin.v1.DeleteIntegrationRequest;
import io.pbxhooks.admin.v1.DeleteIntegrationResponse;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.DisableIntegrationResponse;
import io.pbxhooks.admin.v1.EnableIntegrationRequest;
import io.pbxhooks.admin.v1.EnableIntegrationResponse;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.GetIntegrationResponse;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.ListIntegrationsResponse;
import io.pbxhooks.admin.v1.SendTestEventRequest;
import io.pbxhooks.admin.v1.SendTestEventResponse;
import io.pbxhooks.admin.v1.UpdateIntegrationRequest;
import io.pbxhooks.admin.v1.UpdateIntegrationResponse;
import io.pbxhooks.admin.v1.ValidateIntegrationRequest;
import io.pbxhooks.admin.v1.ValidateIntegrationResponse;
import java.time.Clock;

/** IntegrationService: the gRPC surface; the work is in {@link IntegrationOperations}. */
final class IntegrationGrpcService extends IntegrationServiceGrpc.IntegrationServiceImplBase {

    private final IntegrationOperations operations;
    private final TestEventOperations testEvents;
    private final IntegrationStore integrations;
    private final IntegrationMessages messages;
    private final Access access;

    IntegrationGrpcService(IntegrationStore integrations, AccountStore accounts, TestEventSender testEventSender, PluginCatalog catalog,
                           Clock clock, AdminLimits limits) {
        this.integrations = requireNonNull(integrations, "integrations is null");
        this.operations = new IntegrationOperations(integrations, accounts, catalog, clock, limits);
        this.testEvents = new TestEventOperations(operations, testEventSender, catalog, clock);
        this.messages = new IntegrationMessages(catalog);
        this.access = new Access(accounts);
    }

    @Override
    public void createIntegration(CreateIntegrationRequest request, StreamObserver<CreateIntegrationResponse> responses) {
        IntegrationRecord created = operations.create(Caller.current(), request.getAccountId(), request.getIntegration());
        Unary.reply(responses, CreateIntegrationResponse.newBuilder().setIntegration(messages.of(created)).build());
    }

    @Override
    public void getIntegration(GetIntegrationRequest request, StreamObserver<GetIntegrationResponse> responses) {
        IntegrationRecord found = operations.visible(Caller.current(), request.getId(), "id");
        Unary.reply(responses, GetIntegrationResponse.newBuilder().setIntegration(messages.of(found)).build());
    }

    @Override
    public void listIntegrations(ListIntegrationsRequest request, StreamObserver<ListIntegrationsResponse> responses) {
        Principal caller = Caller.current();
        String accountId = access.account(caller, request.getAccountId(), "account_id").id();
        IntegrationQuery query = new IntegrationQuery(accountId, emptyToNull(request.getTriggerServiceType()),
                emptyToNull(request.getTriggerEvent()), request.hasEnabled() ? request.getEnabled() : null,
                PageRequests.of(request.getPageSize(), request.getPageToken()));
        Page<IntegrationRecord> page = integrations.list(query);
        ListIntegrationsResponse.Builder response = ListIntegrationsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(integration -> response.addIntegrations(messages.of(integration)));
        Unary.reply(responses, response.build());
    }

    @Override
    public void updateIntegration(UpdateIntegrationRequest request, StreamObserver<UpdateIntegrationResponse> responses) {
        IntegrationRecord updated = operations.update(Caller.current(), request.getIntegration(), request.getClearSecretsList());
        Unary.reply(responses, UpdateIntegrationResponse.newBuilder().setIntegration(messages.of(updated)).build());
    }

    @Override
    public void enableIntegration(EnableIntegrationRequest request, StreamObserver<EnableIntegrationResponse> responses) {
        IntegrationRecord enabled = operations.setEnabled(Caller.current(), request.getId(), true);
        Unary.reply(responses, EnableIntegrationResponse.newBuilder().setIntegration(messages.of(enabled)).build());
    }

    @Override
    public void disableIntegration(DisableIntegrationRequest request, StreamObserver<DisableIntegrationResponse> responses) {
        IntegrationRecord disabled = operations.setEnabled(Caller.current(), request.getId(), false);
        Unary.reply(responses, DisableIntegrationResponse.newBuilder().setIntegration(messages.of(disabled)).build());
    }

    @Override
    public void deleteIntegration(DeleteIntegrationRequest request, StreamObserver<DeleteIntegrationResponse> responses) {
        operations.delete(Caller.current(), request.getId());
        Unary.reply(responses, DeleteIntegrationResponse.getDefaultInstance());
    }

    @Override
    public void validateIntegration(ValidateIntegrationRequest request, StreamObserver<ValidateIntegrationResponse> responses) {
        Integration integration = request.getIntegration();
        ValidateIntegrationResponse.Builder response = ValidateIntegrationResponse.newBuilder();
        operations.check(Caller.current(), integration, request.getClearSecretsList()).violations()
                .forEach(violation -> response.addViolations(ErrorStatuses.toFieldViolation(violation)));
        Unary.reply(responses, response.build());
    }

    @Override
    public void sendTestEvent(SendTestEventRequest request, StreamObserver<SendTestEventResponse> responses) {
        TestSendResult sent = testEvents.send(Caller.current(), request.getId());
        Unary.reply(responses, SendTestEventResponse.newBuilder()
                .setDelivery(DeliveryMessages.of(sent.delivery())).setAttempt(DeliveryMessages.of(sent.attempt())).build());
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
