package io.pbxhooks.server.grpc;

import io.grpc.ServerServiceDefinition;
import io.pbxhooks.admin.AdminApi;
import io.pbxhooks.admin.AdminPorts;
import io.pbxhooks.admin.port.Authenticator;
import io.pbxhooks.admin.port.DeliveryStore;
import io.pbxhooks.admin.port.TestEventSender;
import io.pbxhooks.server.LimitSettings;
import io.pbxhooks.server.persistence.JdbcAccountStore;
import io.pbxhooks.server.persistence.JdbcApiKeyStore;
import io.pbxhooks.server.persistence.JdbcAuditLog;
import io.pbxhooks.server.persistence.JdbcIntegrationStore;
import io.pbxhooks.server.plugin.PluginRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The admin API on the database-backed stores, under the operator's limits; its clock ticks in milliseconds, the precision
 * the database keeps.
 */
@Singleton
class AdminServices implements GrpcServiceProvider {

    private final List<ServerServiceDefinition> services;

    AdminServices(Authenticator authenticator, JdbcAccountStore accounts, JdbcApiKeyStore apiKeys, JdbcIntegrationStore integrations,
                  JdbcAuditLog auditLog, DeliveryStore deliveries, TestEventSender testEvents, PluginRegistry plugins, LimitSettings limits) {
        this.services = AdminApi.serviceDefinitions(new AdminPorts(authenticator, accounts, apiKeys, integrations, auditLog, deliveries, testEvents),
                plugins, Clock.tickMillis(ZoneOffset.UTC), limits.adminLimits());
    }

    @Override
    public List<ServerServiceDefinition> services() {
        return services;
    }
}
