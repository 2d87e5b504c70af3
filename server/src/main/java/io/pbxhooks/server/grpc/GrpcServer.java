package io.pbxhooks.server.grpc;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Context;
import io.pbxhooks.server.LimitSettings;
import io.pbxhooks.server.ServerSettings;
import io.pbxhooks.server.plugin.PluginRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC listener: the admin and ingest services, the standard health service and server reflection (v1 and
 * v1alpha), over TLS when the operator gives a certificate and key ({@link GrpcTls}), plaintext otherwise. It
 * depends on the DataSource so that it opens its port only after Flyway has migrated the schema, and on the
 * plugins so that they are loaded first.
 */
@Context
public class GrpcServer {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);
    /**
     * grpc-java logs a stack trace for every message over the size limit, a client's mistake already answered with
     * RESOURCE_EXHAUSTED; kept quieter here (a strong reference, as java.util.logging holds its loggers weakly).
     */
    private static final java.util.logging.Logger OVERSIZED_MESSAGE_LOG = quiet("io.grpc.netty.shaded.io.grpc.netty.NettyServerStream");

    private final HealthStatusManager health = new HealthStatusManager();
    private final Server server;

    @SuppressWarnings("deprecation") // the v1alpha reflection service still serves older clients (grpcurl)
    GrpcServer(ServerSettings settings, LimitSettings limits, DataSource migratedDataSource, PluginRegistry loadedPlugins,
               List<GrpcServiceProvider> providers) {
        Optional<SslContext> tls = GrpcTls.serverContext(settings.getGrpc().getTls());
        NettyServerBuilder builder = NettyServerBuilder.forPort(settings.getGrpc().getPort()).maxInboundMessageSize(limits.getRequestBytes());
        tls.ifPresent(builder::sslContext);
        builder.addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .addService(ProtoReflectionService.newInstance());
        providers.forEach(provider -> provider.services().forEach(builder::addService));
        try {
            server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for gRPC on port " + settings.getGrpc().getPort() + ": " + e.getMessage(), e);
        }
        setServing(true);
        LOG.info("gRPC listening on port {} ({}; services: {})", port(), tls.isPresent() ? "TLS with the certificate chain "
                + settings.getGrpc().getTls().getCertificateChain() : "plaintext", server.getServices().stream()
                .map(service -> service.getServiceDescriptor().getName()).sorted().toList());
    }

    /** SERVING while the node can do its work, NOT_SERVING while it cannot (the database is unreachable). */
    public void setServing(boolean serving) {
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES,
                serving ? HealthCheckResponse.ServingStatus.SERVING : HealthCheckResponse.ServingStatus.NOT_SERVING);
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    public int port() {
        return server.getPort();
    }

    /** Reports NOT_SERVING for good and takes no new calls (clients are told to go elsewhere); calls in progress go on. */
    public void stopAccepting() {
        health.enterTerminalState();
        server.shutdown();
    }

    /** Waits at most {@code timeout} for the calls in progress to end, then cancels those left; true when none was left. */
    public boolean awaitCallsEnded(Duration timeout) throws InterruptedException {
        boolean ended = server.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            server.shutdownNow();
        }
        return ended;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopAccepting();
        awaitCallsEnded(Duration.ofSeconds(5));
    }
}
