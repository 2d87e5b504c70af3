package io.pbxhooks.spi.config;

import static java.util.Objects.requireNonNull;

/** One entry of a {@link SettingType#NAME_VALUE_LIST} setting, e.g. a custom header. */
public record NameValue(String name, String value) {

    public NameValue {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
    }
}
