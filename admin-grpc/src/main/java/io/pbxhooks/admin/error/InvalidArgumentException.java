package io.pbxhooks.admin.error;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.model.Violation;
import java.util.List;
import java.util.stream.Collectors;

/** A request with one or more invalid fields; carries every violation so that the caller can fix them all at once. */
public class InvalidArgumentException extends AdminException {

    private final List<Violation> violations;

    public InvalidArgumentException(List<Violation> violations) {
        super(ErrorKind.INVALID_ARGUMENT, "INVALID_FIELDS", describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** One violated field; {@code field} is the request path, e.g. {@code page_size}. */
    public static InvalidArgumentException of(String field, String message) {
        return new InvalidArgumentException(List.of(new Violation(field, message)));
    }

    /** @param violations paths relative to the request, e.g. {@code integration.webhook.request_url} */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        if (requireNonNull(violations, "violations is null").isEmpty()) {
            throw new IllegalArgumentException("an invalid argument needs at least one violation");
        }
        return "invalid request: " + violations.stream()
                .map(violation -> violation.field() + ": " + violation.message())
                .collect(Collectors.joining("; "));
    }
}
