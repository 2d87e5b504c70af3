package io.pbxhooks.model;

/** The type of a trigger field's value, as the catalogue declares it and a payload renders it. */
public enum FieldType {
    STRING,
    BOOLEAN
}
