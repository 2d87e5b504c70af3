package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.grpc.stub.StreamObserver;
import io.pbxhooks.admin.auth.Caller;
import io.pbxhooks.admin.port.AccountStore;
import io.pbxhooks.admin.port.AuditLog;
import io.pbxhooks.admin.port.AuditRecord;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.v1.AuditEntry;
import io.pbxhooks.admin.v1.AuditServiceGrpc;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.ListAuditEntriesResponse;
import java.util.Objects;

/** AuditService: an admin reads its own account's trail; an operator any account's, or all. */
final class AuditGrpcService extends AuditServiceGrpc.AuditServiceImplBase {

    private final AuditLog auditLog;
    private final Access access;

    AuditGrpcService(AuditLog auditLog, AccountStore accounts) {
        this.auditLog = requireNonNull(auditLog, "auditLog is null");
        this.access = new Access(accounts);
    }

    @Override
    public void listAuditEntries(ListAuditEntriesRequest request, StreamObserver<ListAuditEntriesResponse> responses) {
        String accountId = access.accountFilter(Caller.current(), request.getAccountId(), "account_id");
        Page<AuditRecord> page = auditLog.list(accountId, PageRequests.of(request.getPageSize(), request.getPageToken()));
        ListAuditEntriesResponse.Builder response = ListAuditEntriesResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.items().forEach(entry -> response.addAuditEntries(message(entry)));
        Unary.reply(responses, response.build());
    }

    private static AuditEntry message(AuditRecord entry) {
        return AuditEntry.newBuilder()
                .setId(entry.id())
                .setAccountId(Objects.requireNonNullElse(entry.accountId(), ""))
                .setActorKeyId(entry.actorKeyId())
                .setAction(entry.action())
                .setResourceType(entry.resourceType())
                .setResourceId(entry.resourceId())
                .setSummary(entry.summary())
                .setCreateTime(Timestamps.of(entry.time()))
                .build();
    }
}
