package io.pbxhooks.model;

import static java.util.Objects.requireNonNull;

/** One value a trigger event carries for a field: a string or a boolean. */
public sealed interface FieldValue permits FieldValue.Text, FieldValue.Flag {

    FieldType type();

    /** The value as text, as a query string or a log line shows it ({@code true}/{@code false} for booleans). */
    String asText();

    static FieldValue of(String text) {
        return new Text(text);
    }

    static FieldValue of(boolean flag) {
        return flag ? Flag.TRUE : Flag.FALSE;
    }

    record Text(String value) implements FieldValue {
        public Text {
            requireNonNull(value, "value is null");
        }

        @Override
        public FieldType type() {
            return FieldType.STRING;
        }

        @Override
        public String asText() {
            return value;
        }
    }

    record Flag(boolean value) implements FieldValue {
        static final Flag TRUE = new Flag(true);
        static final Flag FALSE = new Flag(false);

        @Override
        public FieldType type() {
            return FieldType.BOOLEAN;
        }

        @Override
        public String asText() {
            return Boolean.toString(value);
        }
    }
}
