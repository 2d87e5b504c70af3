package io.pbxhooks.admin;

import io.pbxhooks.model.Violation;
import java.util.List;
import java.util.Optional;

/** An integration's etag is its version as decimal text: opaque to clients, who only send it back. */
final class Etags {

    private Etags() {
    }

    static String of(long version) {
        return Long.toString(version);
    }

    /**
     * The version an etag names, or empty with a violation of {@code field} added: an update must say which
     * version it replaces, so that it never overwrites a change its sender has not seen.
     */
    static Optional<Long> parse(String etag, String field, List<Violation> violations) {
        if (etag.isEmpty()) {
            violations.add(new Violation(field, "etag is required: send the etag of the integration as you read it"));
            return Optional.empty();
        }
        Optional<Long> version = version(etag);
        if (version.isEmpty()) {
            violations.add(new Violation(field, "\"" + etag + "\" is not an etag this API returned"));
        }
        return version;
    }

    private static Optional<Long> version(String etag) {
        try {
            long version = Long.parseLong(etag);
            return version > 0 ? Optional.of(version) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
