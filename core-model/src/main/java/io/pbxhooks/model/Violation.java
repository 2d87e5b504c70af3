package io.pbxhooks.model;

import static java.util.Objects.requireNonNull;

/**
 * One rule a piece of configuration breaks: {@code field} is a path such as {@code request_url},
 * {@code auth.username} or {@code headers[2].name}; {@code message} is written for a person.
 */
public record Violation(String field, String message) {

    public Violation {
        requireNonNull(field, "field is null");
        requireNonNull(message, "message is null");
    }

    /** The same violation under a parent path: {@code under("integration.webhook")}. */
    public Violation under(String parent) {
        return new Violation(parent.isEmpty() ? field : parent + "." + field, message);
    }
}
