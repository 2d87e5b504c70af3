package io.pbxhooks.server.grpc;

import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.pbxhooks.admin.auth.AuthInterceptor;
import io.pbxhooks.admin.error.ErrorMappingInterceptor;
import io.pbxhooks.admin.port.Authenticator;
import io.pbxhooks.admin.port.Role;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.server.LimitSettings;
import io.pbxhooks.server.ingest.EventIngest;
import io.pbxhooks.server.ingest.EventIngestGrpcService;
import io.pbxhooks.server.ingest.PublishCalls;
import io.pbxhooks.server.ingest.PublishStreams;
import io.pbxhooks.server.metrics.PbxhooksMetrics;
import io.pbxhooks.server.plugin.PluginRegistry;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.List;

/**
 * EventIngestService behind API-key authentication and the limit on open Publish streams per key, with the plugins'
 * payload types visible to reflection.
 */
@Singleton
class IngestServices implements GrpcServiceProvider {

    private final ServerServiceDefinition service;

    IngestServices(EventIngest ingest, PublishStreams streams, Authenticator authenticator, PluginRegistry plugins, LimitSettings limits,
                   PbxhooksMetrics metrics) {
        ServerServiceDefinition bound = PayloadReflection.withPayloadSchemas(new EventIngestGrpcService(ingest, streams).bindService(),
                PublishRequest.getDescriptor().getFile(), plugins.triggers());
        // The last interceptor runs first: the one lock on each call's outbound side (and the close that waits for a
        // stream's answers), error mapping, authentication, then the stream count per key. Requests are parsed inside the call, where the error mapping sees a malformed one.
        AuthInterceptor authentication = new AuthInterceptor(authenticator, EnumSet.of(Role.PRODUCER),
                "publishing events needs a PRODUCER key (the account's, or the platform's for every account); admin and operator keys cannot publish");
        this.service = ServerInterceptors.intercept(ServerInterceptors.useInputStreamMessages(bound),
                new PublishStreamLimit(limits.getPublishStreamsPerKey(), metrics), authentication, new ErrorMappingInterceptor(),
                new PublishCalls());
    }

    @Override
    public List<ServerServiceDefinition> services() {
        return List.of(service);
    }
}
