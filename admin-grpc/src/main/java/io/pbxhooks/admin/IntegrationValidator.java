package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.admin.port.PluginCatalog;
import io.pbxhooks.model.FieldMapping;
import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.TriggerPlugin;
import io.pbxhooks.spi.catalog.EventDescriptor;
import io.pbxhooks.spi.catalog.FieldDescriptor;
import io.pbxhooks.spi.catalog.ServiceTypeDescriptor;
import io.pbxhooks.spi.config.NameValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks an integration against the catalogue and its transport's own rules. Returns every violation, with
 * paths from the request ({@code integration.name}, {@code integration.webhook.request_url},
 * {@code integration.field_mappings[2].field}); empty when the integration may be saved. Lists longer than the
 * operator's {@link AdminLimits} are reported alone, their entries unchecked.
 */
final class IntegrationValidator {

    static final int NAME_MAX_LENGTH = 100;

    private final PluginCatalog catalog;
    private final AdminLimits limits;

    IntegrationValidator(PluginCatalog catalog) {
        this(catalog, AdminLimits.DEFAULTS);
    }

    IntegrationValidator(PluginCatalog catalog, AdminLimits limits) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    List<Violation> validate(IntegrationSpec spec) {
        List<Violation> violations = new ArrayList<>();
        checkName(spec, violations);
        // Past a limit, the entries themselves are not checked: fix the count first.
        if (checkCounts(spec, violations)) {
            return violations;
        }
        transport(spec.type(), violations).ifPresent(transport -> transport.validate(spec.config(), catalog.pluginContext()).forEach(violation ->
                violations.add(new Violation("integration." + SettingPaths.of(spec.type(), violation.field()), violation.message()))));
        serviceType(spec.triggerServiceType(), violations).ifPresent(serviceType -> {
            Optional<EventDescriptor> event = event(serviceType, spec.triggerEvent(), violations);
            event.ifPresent(found -> checkFields(serviceType, found, spec.config().fieldMappings(), violations));
        });
        return violations;
    }

    private static void checkName(IntegrationSpec spec, List<Violation> violations) {
        if (spec.name().isBlank()) {
            violations.add(new Violation("integration.name", "name is required"));
        } else if (spec.name().length() > NAME_MAX_LENGTH) {
            violations.add(new Violation("integration.name",
                    "name must be at most " + NAME_MAX_LENGTH + " characters (it has " + spec.name().length() + ")"));
        }
    }

    /** Whether a list of the integration is longer than the operator allows (pbxhooks.limits.*). */
    private boolean checkCounts(IntegrationSpec spec, List<Violation> violations) {
        boolean exceeded = false;
        int mappings = spec.config().fieldMappings().size();
        if (mappings > limits.fieldMappingsPerIntegration()) {
            violations.add(new Violation("integration.field_mappings", "at most " + limits.fieldMappingsPerIntegration()
                    + " field mappings per integration (it has " + mappings + ")"));
            exceeded = true;
        }
        for (Map.Entry<String, List<NameValue>> list : spec.config().lists().entrySet()) {
            if (list.getValue().size() > limits.listEntriesPerIntegration()) {
                violations.add(new Violation("integration." + SettingPaths.of(spec.type(), list.getKey()), "at most "
                        + limits.listEntriesPerIntegration() + " " + list.getKey() + " per integration (it has " + list.getValue().size() + ")"));
                exceeded = true;
            }
        }
        return exceeded;
    }

    private Optional<TransportPlugin> transport(String type, List<Violation> violations) {
        Optional<TransportPlugin> transport = catalog.transport(type);
        if (transport.isEmpty()) {
            String known = known(catalog.transports(), TransportPlugin::id);
            violations.add(new Violation("integration.type", type.isEmpty()
                    ? "type is required; known transport types: " + known
                    : "unknown transport type \"" + type + "\"; known transport types: " + known));
        }
        return transport;
    }

    private Optional<ServiceTypeDescriptor> serviceType(String id, List<Violation> violations) {
        Optional<ServiceTypeDescriptor> serviceType = catalog.trigger(id).map(TriggerPlugin::serviceType);
        if (serviceType.isEmpty()) {
            String known = known(catalog.triggers(), trigger -> trigger.serviceType().id());
            violations.add(new Violation("integration.trigger_service_type", id.isEmpty()
                    ? "trigger_service_type is required; known service types: " + known
                    : "unknown service type \"" + id + "\"; known service types: " + known));
        }
        return serviceType;
    }

    private static Optional<EventDescriptor> event(ServiceTypeDescriptor serviceType, String id, List<Violation> violations) {
        Optional<EventDescriptor> event = serviceType.event(id);
        if (event.isEmpty()) {
            String known = known(serviceType.events(), EventDescriptor::id);
            violations.add(new Violation("integration.trigger_event", id.isEmpty()
                    ? "trigger_event is required; events of service type " + serviceType.id() + ": " + known
                    : "unknown event \"" + id + "\" of service type " + serviceType.id() + "; its events: " + known));
        }
        return event;
    }

    private static void checkFields(ServiceTypeDescriptor serviceType, EventDescriptor event, List<FieldMapping> mappings,
                                    List<Violation> violations) {
        List<FieldDescriptor> eventFields = serviceType.fieldsOf(event.id());
        String fieldsOfEvent = known(eventFields, FieldDescriptor::id);
        for (int index = 0; index < mappings.size(); index++) {
            String field = mappings.get(index).field();
            if (eventFields.stream().anyMatch(descriptor -> descriptor.id().equals(field))) {
                continue;
            }
            String path = "integration.field_mappings[" + index + "].field";
            violations.add(new Violation(path, field.isEmpty()
                    ? "field is required; event " + event.id() + " has the fields: " + fieldsOfEvent
                    : "event " + event.id() + " has no field \"" + field + "\"; it has the fields: " + fieldsOfEvent));
        }
    }

    private static <T> String known(List<T> items, Function<T, String> id) {
        return items.isEmpty() ? "(none loaded)" : items.stream().map(id).collect(Collectors.joining(", "));
    }
}
