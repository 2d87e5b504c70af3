package io.pbxhooks.spi.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One setting of a transport's configuration schema. Build with {@link #builder(String, SettingType)}.
 *
 * @param maxLength    0 when the length is not limited
 * @param defaultValue null when there is none
 */
public record SettingDescriptor(String name, String label, SettingType type, boolean required, String defaultValue,
                                List<String> allowedValues, int maxLength, String description, List<SettingRule> rules) {

    public SettingDescriptor {
        requireNonNull(name, "name is null");
        requireNonNull(label, "label is null");
        requireNonNull(type, "type is null");
        allowedValues = List.copyOf(requireNonNull(allowedValues, "allowedValues is null"));
        requireNonNull(description, "description is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        if (type == SettingType.ENUM && allowedValues.isEmpty()) {
            throw new IllegalArgumentException("ENUM setting " + name + " has no allowed values");
        }
    }

    public static Builder builder(String name, SettingType type) {
        return new Builder(name, type);
    }

    public boolean isSecret() {
        return type == SettingType.SECRET;
    }

    public Optional<String> defaultValueIfAny() {
        return Optional.ofNullable(defaultValue);
    }

    public static final class Builder {
        private final String name;
        private final SettingType type;
        private String label;
        private boolean required;
        private String defaultValue;
        private List<String> allowedValues = List.of();
        private int maxLength;
        private String description = "";
        private final List<SettingRule> rules = new ArrayList<>();

        private Builder(String name, SettingType type) {
            this.name = requireNonNull(name, "name is null");
            this.type = requireNonNull(type, "type is null");
            this.label = name;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder defaultValue(String defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        public Builder allowedValues(String... allowedValues) {
            this.allowedValues = List.of(allowedValues);
            return this;
        }

        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder rule(SettingRule rule) {
            this.rules.add(rule);
            return this;
        }

        public SettingDescriptor build() {
            return new SettingDescriptor(name, label, type, required, defaultValue, allowedValues, maxLength, description, rules);
        }
    }
}
