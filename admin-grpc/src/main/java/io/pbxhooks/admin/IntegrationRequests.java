package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.admin.error.InvalidArgumentException;
import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.admin.port.PluginCatalog;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.config.ConfigSchema;
import io.pbxhooks.spi.config.SettingDescriptor;
import io.pbxhooks.spi.config.SettingType;
import io.pbxhooks.spi.config.TransportConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the integration of a create or update request into the spec to save, with every violation: read the
 * message, fill the schema's defaults (so reads show the values in force), keep stored secrets (update), validate.
 */
final class IntegrationRequests {

    private final PluginCatalog catalog;
    private final IntegrationValidator validator;

    IntegrationRequests(PluginCatalog catalog, AdminLimits limits) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.validator = new IntegrationValidator(catalog, limits);
    }

    record Checked(IntegrationSpec spec, List<Violation> violations) {

        /** The spec, or an {@link InvalidArgumentException} with these violations and {@code more}. */
        IntegrationSpec validOrThrow(List<Violation> more) {
            List<Violation> all = new ArrayList<>(more);
            all.addAll(violations);
            if (!all.isEmpty()) {
                throw new InvalidArgumentException(all);
            }
            return spec;
        }
    }

    Checked forCreate(Integration message) {
        IntegrationReader.Reading reading = IntegrationReader.read(message);
        IntegrationSpec spec = withDefaults(reading.spec());
        return check(spec, reading.violations());
    }

    Checked forUpdate(Integration message, IntegrationRecord stored, List<String> clearSecrets) {
        IntegrationReader.Reading reading = IntegrationReader.read(message);
        IntegrationSpec spec = withDefaults(reading.spec());
        List<Violation> violations = new ArrayList<>(reading.violations());
        Optional<TransportPlugin> transport = catalog.transport(spec.type());
        if (transport.isPresent()) {
            SecretRetention.Result retained = SecretRetention.apply(spec, stored, clearSecrets, transport.get());
            spec = retained.spec();
            violations.addAll(retained.violations());
        }
        return check(spec, violations);
    }

    private Checked check(IntegrationSpec spec, List<Violation> earlier) {
        List<Violation> violations = new ArrayList<>(earlier);
        violations.addAll(validator.validate(spec));
        return new Checked(spec, violations);
    }

    private IntegrationSpec withDefaults(IntegrationSpec spec) {
        Optional<ConfigSchema> schema = catalog.transport(spec.type()).map(TransportPlugin::configSchema);
        if (schema.isEmpty()) {
            return spec;
        }
        TransportConfig config = spec.config();
        Map<String, String> values = new LinkedHashMap<>(config.values());
        for (SettingDescriptor setting : schema.get().settings()) {
            boolean fillable = setting.type() != SettingType.NAME_VALUE_LIST && !setting.isSecret() && setting.defaultValue() != null;
            if (fillable && config.value(setting.name()).isEmpty()) {
                values.put(setting.name(), setting.defaultValue());
            }
        }
        return spec.withConfig(new TransportConfig(values, config.lists(), config.fieldMappings()));
    }
}
