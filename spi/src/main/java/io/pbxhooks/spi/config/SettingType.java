package io.pbxhooks.spi.config;

/** The kind of value a transport setting holds. */
public enum SettingType {
    STRING,
    /** A password, token or key: encrypted at rest, never logged, never returned by a read. */
    SECRET,
    /** One of {@link SettingDescriptor#allowedValues()}. */
    ENUM,
    INTEGER,
    BOOLEAN,
    /** A whole number of milliseconds. */
    DURATION_MILLIS,
    /** An ordered list of name/value pairs (e.g. HTTP headers), held in {@link TransportConfig#lists()}. */
    NAME_VALUE_LIST
}
