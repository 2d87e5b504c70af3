package io.pbxhooks.model;

import static java.util.Objects.requireNonNull;

/** One entry of an integration's payload: the value of trigger field {@code field} sent under {@code requestKey}. */
public record FieldMapping(String requestKey, String field) {

    public FieldMapping {
        requireNonNull(requestKey, "requestKey is null");
        requireNonNull(field, "field is null");
    }
}
