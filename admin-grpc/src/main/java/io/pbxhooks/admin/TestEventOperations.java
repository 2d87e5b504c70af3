package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.admin.error.FailedPreconditionException;
import io.pbxhooks.admin.port.AuditEntryDraft;
import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.admin.port.PluginCatalog;
import io.pbxhooks.admin.port.Principal;
import io.pbxhooks.admin.port.TestEventSender;
import io.pbxhooks.admin.port.TestSendResult;
import io.pbxhooks.spi.TriggerPlugin;
import java.time.Clock;
import java.time.Instant;

/** SendTestEvent: checks that a sample can be sent, then has the server send and record it. */
final class TestEventOperations {

    private final IntegrationOperations integrations;
    private final TestEventSender sender;
    private final PluginCatalog catalog;
    private final Clock clock;

    TestEventOperations(IntegrationOperations integrations, TestEventSender sender, PluginCatalog catalog, Clock clock) {
        this.integrations = requireNonNull(integrations, "integrations is null");
        this.sender = requireNonNull(sender, "sender is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    TestSendResult send(Principal caller, String integrationId) {
        IntegrationRecord integration = integrations.visible(caller, integrationId, "id");
        Instant now = clock.instant();
        TriggerPlugin trigger = catalog.trigger(integration.triggerServiceType()).orElseThrow(() -> notLoaded("trigger", integration.triggerServiceType()));
        if (catalog.transport(integration.type()).isEmpty()) {
            throw notLoaded("transport", integration.type());
        }
        if (trigger.sampleEvent(integration.triggerEvent(), now).isEmpty()) {
            throw new FailedPreconditionException(FailedPreconditionException.NO_SAMPLE_EVENT, "service type " + integration.triggerServiceType()
                    + " offers no sample of event " + integration.triggerEvent() + ", so no test event can be sent");
        }
        AuditEntryDraft audit = new AuditEntryDraft(integration.accountId(), caller.keyId(), "integration.send_test_event", "integration",
                integration.id(), "sent a sample " + integration.triggerEvent() + " event", now);
        return sender.send(integration, now, audit);
    }

    private static FailedPreconditionException notLoaded(String kind, String id) {
        return new FailedPreconditionException(FailedPreconditionException.PLUGIN_NOT_LOADED,
                "the " + kind + " plugin " + id + " is not loaded on this server, so no test event can be sent");
    }
}
