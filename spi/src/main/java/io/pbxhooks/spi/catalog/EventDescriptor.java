package io.pbxhooks.spi.catalog;

import static java.util.Objects.requireNonNull;

/** One event of a service type, e.g. {@code inbound_call_answered} "Inbound Call Answered". */
public record EventDescriptor(String id, String displayName, String description) {

    public EventDescriptor {
        requireNonNull(id, "id is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(description, "description is null");
    }
}
