package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.admin.port.PluginCatalog;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.spi.TransportPlugin;
import java.util.Optional;

/** Stored integrations as {@link Integration} messages, with every secret left out (only whether it is set). */
final class IntegrationMessages {

    private final PluginCatalog catalog;

    IntegrationMessages(PluginCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    Integration of(IntegrationRecord record) {
        Integration.Builder message = Integration.newBuilder()
                .setId(record.id())
                .setAccountId(record.accountId())
                .setName(record.name())
                .setType(record.type())
                .setTriggerServiceType(record.triggerServiceType())
                .setTriggerEvent(record.triggerEvent())
                .setEnabled(record.enabled())
                .setStatus(status(record))
                .setCreateTime(Timestamps.of(record.createTime()))
                .setUpdateTime(Timestamps.of(record.updateTime()))
                .setEtag(Etags.of(record.version()));
        record.fieldMappings().forEach(mapping -> message.addFieldMappings(io.pbxhooks.admin.v1.FieldMapping.newBuilder()
                .setRequestKey(mapping.requestKey()).setField(mapping.field())));
        if (record.type().equals(WebhookSettings.TYPE)) {
            message.setWebhook(WebhookSettings.message(record.config()));
        } else {
            addGenericConfig(record, message);
        }
        return message.build();
    }

    /** A setting the transport's schema does not declare as non-secret (or a transport no longer loaded) is treated as a secret. */
    private void addGenericConfig(IntegrationRecord record, Integration.Builder message) {
        Optional<TransportPlugin> transport = catalog.transport(record.type());
        record.config().values().forEach((name, value) -> {
            boolean plain = transport.flatMap(plugin -> plugin.configSchema().setting(name))
                    .map(setting -> !setting.isSecret()).orElse(false);
            if (plain) {
                message.putConfig(name, value);
            } else if (!value.isBlank()) {
                message.addConfigSecretsSet(name);
            }
        });
    }

    private static Integration.Status status(IntegrationRecord record) {
        if (record.enabled()) {
            return Integration.Status.newBuilder().setState(Integration.Status.State.ACTIVE).build();
        }
        return record.disabledByServerReason()
                .map(reason -> Integration.Status.newBuilder().setState(Integration.Status.State.DISABLED_BY_SERVER).setReason(reason).build())
                .orElseGet(() -> Integration.Status.newBuilder().setState(Integration.Status.State.DISABLED_BY_ADMIN).build());
    }
}
