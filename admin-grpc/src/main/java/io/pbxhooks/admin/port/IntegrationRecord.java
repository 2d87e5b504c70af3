package io.pbxhooks.admin.port;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.model.FieldMapping;
import io.pbxhooks.spi.config.TransportConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored integration.
 *
 * @param type           the transport plugin id, e.g. {@code webhook}
 * @param disabledReason why the server disabled it; null when it is enabled or an administrator disabled it
 * @param config         the transport's settings with secrets in clear: the store encrypts the schema's SECRET
 *                       settings at rest. Its field mappings are always {@code fieldMappings} (the constructor
 *                       makes them so), so the record can be handed to the transport as is.
 * @param version        1 when created, raised by one on every change; the etag is derived from it
 */
public record IntegrationRecord(String id, String accountId, String name, String type, String triggerServiceType,
                                String triggerEvent, boolean enabled, String disabledReason, TransportConfig config,
                                List<FieldMapping> fieldMappings, Instant createTime, Instant updateTime, long version) {

    public IntegrationRecord {
        requireNonNull(id, "id is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(triggerServiceType, "triggerServiceType is null");
        requireNonNull(triggerEvent, "triggerEvent is null");
        requireNonNull(config, "config is null");
        fieldMappings = List.copyOf(requireNonNull(fieldMappings, "fieldMappings is null"));
        config = new TransportConfig(config.values(), config.lists(), fieldMappings);
        requireNonNull(createTime, "createTime is null");
        requireNonNull(updateTime, "updateTime is null");
        if (enabled && disabledReason != null) {
            throw new IllegalArgumentException("an enabled integration has no disabled reason");
        }
    }

    public Optional<String> disabledByServerReason() {
        return Optional.ofNullable(disabledReason);
    }

    /** The same integration switched on or off (by an administrator when {@code disabledReason} is null). */
    public IntegrationRecord withState(boolean enabled, String disabledReason, Instant updateTime) {
        return new IntegrationRecord(id, accountId, name, type, triggerServiceType, triggerEvent, enabled, disabledReason,
                config, fieldMappings, createTime, updateTime, version);
    }

    public IntegrationRecord withVersion(long version) {
        return new IntegrationRecord(id, accountId, name, type, triggerServiceType, triggerEvent, enabled, disabledReason,
                config, fieldMappings, createTime, updateTime, version);
    }
}
