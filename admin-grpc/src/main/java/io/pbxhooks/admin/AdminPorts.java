package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.admin.port.AccountStore;
import io.pbxhooks.admin.port.ApiKeyStore;
import io.pbxhooks.admin.port.AuditLog;
import io.pbxhooks.admin.port.Authenticator;
import io.pbxhooks.admin.port.DeliveryStore;
import io.pbxhooks.admin.port.IntegrationStore;
import io.pbxhooks.admin.port.TestEventSender;

/** What the admin API needs from the server: who is calling, where things are stored, and how test events are sent. */
public record AdminPorts(Authenticator authenticator, AccountStore accounts, ApiKeyStore apiKeys,
                         IntegrationStore integrations, AuditLog auditLog, DeliveryStore deliveries, TestEventSender testEvents) {

    public AdminPorts {
        requireNonNull(authenticator, "authenticator is null");
        requireNonNull(accounts, "accounts is null");
        requireNonNull(apiKeys, "apiKeys is null");
        requireNonNull(integrations, "integrations is null");
        requireNonNull(auditLog, "auditLog is null");
        requireNonNull(deliveries, "deliveries is null");
        requireNonNull(testEvents, "testEvents is null");
    }
}
