package io.pbxhooks.server.grpc;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Context;
import io.pbxhooks.server.ServerSettings;
import io.pbxhooks.server.plugin.PluginRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plaintext gRPC listener: the admin and ingest services, the standard health service and server
 * reflection (v1 and v1alpha). It depends on the DataSource so that it opens its port only after Flyway
 * has migrated the schema, and on the plugins so that they are loaded first.
 */
@Context
public class GrpcServer {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);

    private final HealthStatusManager health = new HealthStatusManager();
    private final Server server;

    @SuppressWarnings("deprecation") // the v1alpha reflection service still serves older clients (grpcurl)
    GrpcServer(ServerSettings settings, DataSource migratedDataSource, PluginRegistry loadedPlugins, List<GrpcServiceProvider> providers) {
        NettyServerBuilder builder = NettyServerBuilder.forPort(settings.getGrpc().getPort())
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .addService(ProtoReflectionService.newInstance());
        providers.forEach(provider -> provider.services().forEach(builder::addService));
        try {
            server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for gRPC on port " + settings.getGrpc().getPort() + ": " + e.getMessage(), e);
        }
        setServing(true);
        LOG.info("gRPC listening on port {} (plaintext; services: {})", port(), server.getServices().stream()
                .map(service -> service.getServiceDescriptor().getName()).sorted().toList());
    }

    /** SERVING while the node can do its work, NOT_SERVING while it cannot (the database is unreachable). */
    public void setServing(boolean serving) {
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES,
                serving ? HealthCheckResponse.ServingStatus.SERVING : HealthCheckResponse.ServingStatus.NOT_SERVING);
    }

    public int port() {
        return server.getPort();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        health.enterTerminalState();
        server.shutdown();
        if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
            server.shutdownNow();
        }
    }
}
