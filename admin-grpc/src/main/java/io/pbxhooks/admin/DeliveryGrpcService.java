package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.pbxhooks.admin.auth.Caller;
import io.pbxhooks.admin.error.NotFoundException;
import io.pbxhooks.admin.port.AccountStore;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.DeliveryRecord;
import io.pbxhooks.admin.port.DeliveryStore;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.port.Principal;
import io.pbxhooks.admin.v1.DeliveryServiceGrpc;
import io.pbxhooks.admin.v1.GetDeliveryRequest;
import io.pbxhooks.admin.v1.GetDeliveryResponse;
import io.pbxhooks.admin.v1.ListDeliveriesRequest;
import io.pbxhooks.admin.v1.ListDeliveriesResponse;
import io.pbxhooks.admin.v1.RedeliverDeliveryRequest;
import io.pbxhooks.admin.v1.RedeliverDeliveryResponse;
import java.time.Clock;
import java.time.Instant;

/** DeliveryService: an admin sees its own account's deliveries, an operator any account's; both may redeliver. */
final class DeliveryGrpcService extends DeliveryServiceGrpc.DeliveryServiceImplBase {

    private final DeliveryStore deliveries;
    private final DeliveryQueries queries;
    private final Clock clock;

    DeliveryGrpcService(DeliveryStore deliveries, AccountStore accounts, Clock clock) {
        this.deliveries = requireNonNull(deliveries, "deliveries is null");
        this.queries = new DeliveryQueries(new Access(accounts));
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void listDeliveries(ListDeliveriesRequest request, StreamObserver<ListDeliveriesResponse> responses) {
        Page<DeliveryRecord> page = deliveries.list(queries.of(Caller.current(), request));
        ListDeliveriesResponse.Builder response = ListDeliveriesResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(delivery -> response.addDeliveries(DeliveryMessages.of(delivery)));
        Unary.reply(responses, response.build());
    }

    @Override
    public void getDelivery(GetDeliveryRequest request, StreamObserver<GetDeliveryResponse> responses) {
        DeliveryRecord delivery = visible(Caller.current(), request.getId());
        GetDeliveryResponse.Builder response = GetDeliveryResponse.newBuilder().setDelivery(DeliveryMessages.of(delivery));
        deliveries.attempts(delivery.id()).forEach(attempt -> response.addAttempts(DeliveryMessages.of(attempt)));
        Unary.reply(responses, response.build());
    }

    @Override
    public void redeliverDelivery(RedeliverDeliveryRequest request, StreamObserver<RedeliverDeliveryResponse> responses) {
        Principal caller = Caller.current();
        DeliveryRecord delivery = visible(caller, request.getId());
        Instant now = clock.instant();
        AuditEntryDraft audit = new AuditEntryDraft(delivery.accountId(), caller.keyId(), "delivery.redeliver", "delivery", delivery.id(),
                "queued again (was " + delivery.state() + " after " + delivery.attemptCount() + " attempts)", now);
        DeliveryRecord queued = deliveries.redeliver(delivery.id(), now, audit);
        Unary.reply(responses, RedeliverDeliveryResponse.newBuilder().setDelivery(DeliveryMessages.of(queued)).build());
    }

    /** The delivery, if the caller may see it; NOT_FOUND otherwise, whether it exists or not. */
    private DeliveryRecord visible(Principal caller, String id) {
        Access.requireId(id, "id");
        return deliveries.find(id).filter(found -> Access.canSee(caller, found.accountId()))
                .orElseThrow(() -> new NotFoundException("delivery", id));
    }
}
