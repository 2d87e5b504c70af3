package io.pbxhooks.server.grpc;

import io.grpc.ServerServiceDefinition;
import java.util.List;

/** A bean contributing services to the gRPC listener. */
public interface GrpcServiceProvider {

    List<ServerServiceDefinition> services();
}
