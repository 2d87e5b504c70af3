package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.grpc.BindableService;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.pbxhooks.admin.auth.AuthInterceptor;
import io.pbxhooks.admin.error.ErrorMappingInterceptor;
import io.pbxhooks.admin.port.PluginCatalog;
import java.time.Clock;
import java.util.List;

/**
 * The admin API, ready to bind: AccountService, CatalogService, IntegrationService, DeliveryService and
 * AuditService, each behind authentication and the error mapping. Services bound beside them (health,
 * reflection) stay open.
 */
public final class AdminApi {

    private AdminApi() {
    }

    public static List<ServerServiceDefinition> serviceDefinitions(AdminPorts ports, PluginCatalog catalog, Clock clock) {
        return serviceDefinitions(ports, catalog, clock, AdminLimits.DEFAULTS);
    }

    /** With the operator's limits on integrations instead of the defaults. */
    public static List<ServerServiceDefinition> serviceDefinitions(AdminPorts ports, PluginCatalog catalog, Clock clock, AdminLimits limits) {
        requireNonNull(ports, "ports is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(limits, "limits is null");
        ApiKeyOperations apiKeys = new ApiKeyOperations(ports.apiKeys(), ports.accounts(), clock);
        List<BindableService> services = List.of(
                new AccountGrpcService(ports.accounts(), apiKeys, clock),
                new CatalogGrpcService(catalog),
                new IntegrationGrpcService(ports.integrations(), ports.accounts(), ports.testEvents(), catalog, clock, limits),
                new DeliveryGrpcService(ports.deliveries(), ports.accounts(), clock),
                new AuditGrpcService(ports.auditLog(), ports.accounts()));
        AuthInterceptor authentication = new AuthInterceptor(ports.authenticator());
        ErrorMappingInterceptor errorMapping = new ErrorMappingInterceptor();
        // The last interceptor runs first: the error mapping wraps authentication, so its failures are mapped too. Requests
        // are parsed inside the call, where the error mapping sees a malformed one.
        return services.stream().map(service -> ServerInterceptors.intercept(ServerInterceptors.useInputStreamMessages(service.bindService()),
                authentication, errorMapping)).toList();
    }
}
