package io.pbxhooks.spi.contract;

import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.MalformedEventException;
import io.pbxhooks.spi.Plugin;
import io.pbxhooks.spi.SpiVersion;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.TriggerPlugin;
import io.pbxhooks.spi.RawEvent;
import io.pbxhooks.spi.catalog.EventDescriptor;
import io.pbxhooks.spi.catalog.FieldDescriptor;
import io.pbxhooks.spi.catalog.ServiceTypeDescriptor;
import io.pbxhooks.spi.config.SettingDescriptor;
import io.pbxhooks.spi.config.SettingType;
import io.pbxhooks.spi.config.TransportConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contract every plugin must keep, as checks a plugin author runs from their own tests:
 * {@code PluginContract.assertKept(new MyPlugin())}. Plain Java, so it works with any test framework.
 */
public final class PluginContract {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Instant SAMPLE_TIME = Instant.parse("2026-03-14T01:59:26.535Z");

    private PluginContract() {
    }

    /** Throws an {@link AssertionError} listing every broken rule. */
    public static void assertKept(Plugin plugin) {
        List<String> problems = problems(plugin);
        if (!problems.isEmpty()) {
            throw new AssertionError("plugin " + plugin.name() + " breaks the SPI contract:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * As {@link #assertKept(Plugin)}, and also classifies the author's own sample raw events: none may throw
     * anything but {@link MalformedEventException}, and each trigger event must carry only fields its event
     * type has, with the catalogue's value types.
     */
    public static void assertKept(Plugin plugin, List<RawEvent> sampleEvents) {
        List<String> problems = new ArrayList<>(problems(plugin));
        for (RawEvent sample : sampleEvents) {
            problems.addAll(sampleProblems(plugin, sample));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("plugin " + plugin.name() + " breaks the SPI contract:\n  " + String.join("\n  ", problems));
        }
    }

    /** Every broken rule, one line each; empty when the plugin keeps the contract. */
    public static List<String> problems(Plugin plugin) {
        List<String> problems = new ArrayList<>();
        if (!SpiVersion.isSupported(plugin.spiVersion())) {
            problems.add("spiVersion() is " + plugin.spiVersion() + "; supported: " + SpiVersion.OLDEST_SUPPORTED + ".." + SpiVersion.CURRENT);
        }
        String id = plugin.id();
        if (id == null || id.isBlank() || id.chars().anyMatch(Character::isWhitespace)) {
            problems.add("id() is \"" + id + "\"; it must be set and have no white space");
        }
        if (plugin.triggerPlugins().isEmpty() && plugin.transportPlugins().isEmpty()) {
            problems.add("contributes no trigger plugin and no transport plugin");
        }
        Set<String> serviceTypes = new HashSet<>();
        for (TriggerPlugin trigger : plugin.triggerPlugins()) {
            ServiceTypeDescriptor serviceType = trigger.serviceType();
            if (!serviceTypes.add(serviceType.id())) {
                problems.add("service type " + serviceType.id() + " is contributed twice");
            }
            problems.addAll(catalogueProblems(serviceType));
            problems.addAll(classifyProblems(trigger));
            problems.addAll(sampleEventProblems(trigger));
        }
        Set<String> transports = new HashSet<>();
        for (TransportPlugin transport : plugin.transportPlugins()) {
            if (!transports.add(transport.id())) {
                problems.add("transport " + transport.id() + " is contributed twice");
            }
            problems.addAll(transportProblems(transport));
        }
        return problems;
    }

    private static List<String> sampleProblems(Plugin plugin, RawEvent sample) {
        List<String> problems = new ArrayList<>();
        TriggerPlugin trigger = plugin.triggerPlugins().stream()
                .filter(candidate -> candidate.serviceType().id().equals(sample.serviceType())).findFirst().orElse(null);
        if (trigger == null) {
            problems.add("sample event " + sample.eventId() + " names service type " + sample.serviceType() + ", which the plugin does not contribute");
            return problems;
        }
        try {
            trigger.classify(sample).ifPresent(event ->
                    problems.addAll(fieldProblems("sample event " + sample.eventId() + ": ", trigger.serviceType(), event)));
        } catch (MalformedEventException rejected) {
            // A sample may be deliberately malformed.
        } catch (RuntimeException unexpected) {
            problems.add("sample event " + sample.eventId() + ": classify threw " + unexpected + " instead of MalformedEventException");
        }
        return problems;
    }

    /** Each field {@code event} carries must be one its event type has, with the catalogue's value type. */
    private static List<String> fieldProblems(String where, ServiceTypeDescriptor serviceType, TriggerEvent event) {
        List<String> problems = new ArrayList<>();
        List<FieldDescriptor> allowed = serviceType.fieldsOf(event.eventType());
        event.fields().forEach((fieldId, value) -> {
            FieldDescriptor field = allowed.stream().filter(candidate -> candidate.id().equals(fieldId)).findFirst().orElse(null);
            if (field == null) {
                problems.add(where + event.eventType() + " carries field " + fieldId + ", which that event does not have");
            } else if (field.valueType() != value.type()) {
                problems.add(where + "field " + fieldId + " is " + value.type() + ", the catalogue says " + field.valueType());
            }
        });
        return problems;
    }

    /**
     * The plugin's own samples ({@link TriggerPlugin#sampleEvent}), where it offers them: each of the event asked
     * for, at the instant asked for, with only fields of that event; none for an event the catalogue lacks.
     */
    private static List<String> sampleEventProblems(TriggerPlugin trigger) {
        List<String> problems = new ArrayList<>();
        ServiceTypeDescriptor serviceType = trigger.serviceType();
        for (EventDescriptor descriptor : serviceType.events()) {
            String where = "service type " + serviceType.id() + ": sampleEvent(" + descriptor.id() + "): ";
            try {
                trigger.sampleEvent(descriptor.id(), SAMPLE_TIME).ifPresent(sample -> {
                    if (!sample.serviceType().equals(serviceType.id()) || !sample.eventType().equals(descriptor.id())) {
                        problems.add(where + "returned an event of " + sample.serviceType() + " " + sample.eventType());
                    } else if (!sample.occurredAt().equals(SAMPLE_TIME)) {
                        problems.add(where + "occurred at " + sample.occurredAt() + ", not at the instant given, " + SAMPLE_TIME);
                    } else {
                        problems.addAll(fieldProblems(where, serviceType, sample));
                    }
                });
            } catch (RuntimeException thrown) {
                problems.add(where + "threw " + thrown);
            }
        }
        try {
            if (trigger.sampleEvent("no_such_event", SAMPLE_TIME).isPresent()) {
                problems.add("service type " + serviceType.id() + ": sampleEvent returned a sample of an event the catalogue lacks");
            }
        } catch (RuntimeException thrown) {
            problems.add("service type " + serviceType.id() + ": sampleEvent threw " + thrown + " for an unknown event instead of returning empty");
        }
        return problems;
    }

    static List<String> catalogueProblems(ServiceTypeDescriptor serviceType) {
        List<String> problems = new ArrayList<>();
        String where = "service type " + serviceType.id() + ": ";
        checkId(serviceType.id(), where + "id", problems);
        if (serviceType.displayName().isBlank()) {
            problems.add(where + "display name is blank");
        }
        if (serviceType.events().isEmpty()) {
            problems.add(where + "has no events");
        }
        Set<String> eventIds = new HashSet<>();
        for (EventDescriptor event : serviceType.events()) {
            checkId(event.id(), where + "event id", problems);
            if (!eventIds.add(event.id())) {
                problems.add(where + "event " + event.id() + " is declared twice");
            }
            if (event.displayName().isBlank()) {
                problems.add(where + "event " + event.id() + " has a blank display name");
            }
        }
        Set<String> fieldIds = new HashSet<>();
        for (FieldDescriptor field : serviceType.fields()) {
            checkId(field.id(), where + "field id", problems);
            if (!fieldIds.add(field.id())) {
                problems.add(where + "field " + field.id() + " is declared twice");
            }
            if (field.eventIds().isEmpty()) {
                problems.add(where + "field " + field.id() + " belongs to no event");
            }
            for (String eventId : field.eventIds()) {
                if (!eventIds.contains(eventId)) {
                    problems.add(where + "field " + field.id() + " names event " + eventId + ", which is not in the catalogue");
                }
            }
        }
        for (EventDescriptor event : serviceType.events()) {
            if (serviceType.fieldsOf(event.id()).isEmpty()) {
                problems.add(where + "event " + event.id() + " has no fields");
            }
        }
        return problems;
    }

    private static List<String> classifyProblems(TriggerPlugin trigger) {
        List<String> problems = new ArrayList<>();
        String serviceType = trigger.serviceType().id();
        List<byte[]> junk = List.of(new byte[0], new byte[] {(byte) 0xff, (byte) 0xff, 0x01}, "not a payload".getBytes());
        for (byte[] payload : junk) {
            RawEvent event = new RawEvent("contract-check", "contract-check", serviceType, Instant.EPOCH, "contract.Check", payload);
            try {
                trigger.classify(event).ifPresent(classified -> {
                    if (!classified.serviceType().equals(serviceType)) {
                        problems.add("service type " + serviceType + ": classify returned an event of service type " + classified.serviceType());
                    }
                    if (trigger.serviceType().event(classified.eventType()).isEmpty()) {
                        problems.add("service type " + serviceType + ": classify returned unknown event " + classified.eventType());
                    }
                });
            } catch (MalformedEventException expected) {
                // Rejecting undecodable input this way is the contract.
            } catch (RuntimeException unexpected) {
                problems.add("service type " + serviceType + ": classify threw " + unexpected + " for an undecodable payload instead of MalformedEventException");
            }
        }
        return problems;
    }

    static List<String> transportProblems(TransportPlugin transport) {
        List<String> problems = new ArrayList<>();
        String where = "transport " + transport.id() + ": ";
        checkId(transport.id(), where + "id", problems);
        if (transport.displayName().isBlank()) {
            problems.add(where + "display name is blank");
        }
        List<SettingDescriptor> settings = transport.configSchema().settings();
        List<Violation> forEmpty = validateSafely(transport, TransportConfig.empty(), where, problems);
        for (SettingDescriptor setting : settings) {
            boolean mustBeSet = setting.required() && setting.defaultValue() == null && setting.type() != SettingType.NAME_VALUE_LIST;
            if (forEmpty != null && mustBeSet && forEmpty.stream().noneMatch(violation -> violation.field().equals(setting.name()))) {
                problems.add(where + "an empty configuration gives no violation for required setting " + setting.name());
            }
        }
        Map<String, String> junk = new LinkedHashMap<>();
        settings.stream().filter(setting -> setting.type() != SettingType.NAME_VALUE_LIST)
                .forEach(setting -> junk.put(setting.name(), "\u0000 not valid \r\n"));
        junk.put("no_such_setting", "x");
        List<Violation> forJunk = validateSafely(transport, new TransportConfig(junk, Map.of(), List.of()), where, problems);
        if (forJunk != null && forJunk.stream().noneMatch(violation -> violation.field().equals("no_such_setting"))) {
            problems.add(where + "an unknown setting gives no violation");
        }
        for (SettingDescriptor setting : settings) {
            if (setting.type() == SettingType.ENUM && forJunk != null
                    && forJunk.stream().noneMatch(violation -> violation.field().equals(setting.name()))) {
                problems.add(where + "a value outside the allowed values of " + setting.name() + " gives no violation");
            }
        }
        return problems;
    }

    private static List<Violation> validateSafely(TransportPlugin transport, TransportConfig config, String where, List<String> problems) {
        try {
            List<Violation> violations = transport.validate(config);
            if (violations == null) {
                problems.add(where + "validate returned null instead of a list");
            }
            return violations;
        } catch (RuntimeException thrown) {
            problems.add(where + "validate threw " + thrown + " instead of returning violations");
            return null;
        }
    }

    private static void checkId(String id, String what, List<String> problems) {
        if (!ID.matcher(id).matches()) {
            problems.add(what + " \"" + id + "\" must be lower case letters, digits, '_' or '-', starting with a letter, at most 64 characters");
        }
    }
}
