package io.pbxhooks.server.cli;

import io.grpc.ClientInterceptor;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.pbxhooks.admin.v1.AccountServiceGrpc;
import io.pbxhooks.admin.v1.CatalogServiceGrpc;
import io.pbxhooks.admin.v1.DeliveryServiceGrpc;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc;
import java.util.concurrent.TimeUnit;

/** A connection to a pbxhooks server whose stubs send {@code authorization: Bearer <key>}; admin calls get a deadline. */
public final class PbxhooksClient implements AutoCloseable {

    private static final long CALL_TIMEOUT_SECONDS = 30;
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;
    private final ClientInterceptor authorization;

    private PbxhooksClient(ManagedChannel channel, String key) {
        this.channel = channel;
        this.authorization = bearer(key);
    }

    /** @param address {@code host:port} of the server's gRPC listener */
    public static PbxhooksClient connect(String address, ChannelSecurity security, String key) {
        return new PbxhooksClient(Grpc.newChannelBuilder(address, security.credentials()).build(), key);
    }

    public AccountServiceGrpc.AccountServiceBlockingStub accounts() {
        return admin(AccountServiceGrpc.newBlockingStub(channel));
    }

    public IntegrationServiceGrpc.IntegrationServiceBlockingStub integrations() {
        return admin(IntegrationServiceGrpc.newBlockingStub(channel));
    }

    public CatalogServiceGrpc.CatalogServiceBlockingStub catalog() {
        return admin(CatalogServiceGrpc.newBlockingStub(channel));
    }

    public DeliveryServiceGrpc.DeliveryServiceBlockingStub deliveries() {
        return admin(DeliveryServiceGrpc.newBlockingStub(channel));
    }

    /** The event stream has no deadline: it lasts as long as the producer publishes. */
    public EventIngestServiceGrpc.EventIngestServiceStub ingest() {
        return EventIngestServiceGrpc.newStub(channel).withInterceptors(authorization);
    }

    private <S extends AbstractStub<S>> S admin(S stub) {
        return stub.withInterceptors(authorization).withDeadlineAfter(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static ClientInterceptor bearer(String key) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + key);
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
