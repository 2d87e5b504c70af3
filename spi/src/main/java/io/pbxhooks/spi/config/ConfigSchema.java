package io.pbxhooks.spi.config;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.model.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings a transport takes. The same schema drives validation, the catalogue RPC, the docs and
 * secret redaction. Build with {@link #builder()}.
 */
public final class ConfigSchema {

    private final Map<String, SettingDescriptor> settings;

    private ConfigSchema(Map<String, SettingDescriptor> settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<SettingDescriptor> settings() {
        return List.copyOf(settings.values());
    }

    public Optional<SettingDescriptor> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    /**
     * The schema's own rules: no unknown settings, required ones set, allowed values, number and boolean
     * formats, maximum lengths and each setting's {@link SettingRule}s. Every problem is returned; nothing throws.
     */
    public List<Violation> validate(TransportConfig config) {
        List<Violation> violations = new ArrayList<>();
        config.values().keySet().stream().filter(name -> !isScalar(name))
                .forEach(name -> violations.add(new Violation(name, "is not a setting of this transport; known settings: " + String.join(", ", settings.keySet()))));
        config.lists().keySet().stream().filter(name -> !isList(name))
                .forEach(name -> violations.add(new Violation(name, "is not a list setting of this transport; known settings: " + String.join(", ", settings.keySet()))));
        for (SettingDescriptor setting : settings.values()) {
            if (setting.type() == SettingType.NAME_VALUE_LIST) {
                continue;
            }
            Optional<String> value = config.value(setting.name());
            if (value.isEmpty()) {
                if (setting.required() && setting.defaultValue() == null) {
                    violations.add(new Violation(setting.name(), setting.label() + " is required"));
                }
                continue;
            }
            checkValue(setting, value.get()).ifPresent(message -> violations.add(new Violation(setting.name(), message)));
        }
        return violations;
    }

    private boolean isScalar(String name) {
        SettingDescriptor setting = settings.get(name);
        return setting != null && setting.type() != SettingType.NAME_VALUE_LIST;
    }

    private boolean isList(String name) {
        SettingDescriptor setting = settings.get(name);
        return setting != null && setting.type() == SettingType.NAME_VALUE_LIST;
    }

    private static Optional<String> checkValue(SettingDescriptor setting, String value) {
        if (setting.maxLength() > 0 && value.length() > setting.maxLength()) {
            return Optional.of(setting.label() + " must be at most " + setting.maxLength() + " characters (it has " + value.length() + ")");
        }
        switch (setting.type()) {
            case ENUM -> {
                if (!setting.allowedValues().contains(value)) {
                    return Optional.of(setting.label() + " must be one of " + String.join(", ", setting.allowedValues()) + " (got \"" + value + "\")");
                }
            }
            case INTEGER, DURATION_MILLIS -> {
                try {
                    if (Long.parseLong(value) < 0) {
                        return Optional.of(setting.label() + " must not be negative");
                    }
                } catch (NumberFormatException notANumber) {
                    return Optional.of(setting.label() + " must be a whole number (got \"" + value + "\")");
                }
            }
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    return Optional.of(setting.label() + " must be true or false (got \"" + value + "\")");
                }
            }
            default -> {
            }
        }
        for (SettingRule rule : setting.rules()) {
            Optional<String> problem = rule.check(value);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    public static final class Builder {
        private final Map<String, SettingDescriptor> settings = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder setting(SettingDescriptor setting) {
            requireNonNull(setting, "setting is null");
            if (settings.putIfAbsent(setting.name(), setting) != null) {
                throw new IllegalArgumentException("duplicate setting " + setting.name());
            }
            return this;
        }

        public ConfigSchema build() {
            return new ConfigSchema(new LinkedHashMap<>(settings));
        }
    }
}
