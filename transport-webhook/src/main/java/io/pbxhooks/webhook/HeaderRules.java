package io.pbxhooks.webhook;

import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.config.NameValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Custom headers: valid names, safe values, each name once, none of the headers the transport sets itself, bounded lengths. */
final class HeaderRules {

    /** Far beyond any real header, well within what HTTP servers accept (commonly 8 KiB for all headers). */
    static final int MAXIMUM_NAME_LENGTH = 256;
    static final int MAXIMUM_VALUE_LENGTH = 4096;

    /**
     * Headers the transport or the HTTP connection owns. Beyond those design.md names, the other hop-by-hop
     * headers (Keep-Alive, TE, Trailer, Upgrade) are reserved too: they would change how the connection behaves.
     */
    static final List<String> ALWAYS_RESERVED = List.of("Host", "Content-Length", "Content-Type", "Transfer-Encoding",
            "Connection", "Keep-Alive", "TE", "Trailer", "Upgrade", "webhook-id", "webhook-timestamp", "webhook-signature");
    static final String AUTHORIZATION = "Authorization";

    private HeaderRules() {
    }

    /**
     * @param authentication the configured authentication type; empty when it is invalid, which the schema reports
     */
    static List<Violation> check(List<NameValue> headers, Optional<AuthenticationType> authentication) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> firstIndexByName = new HashMap<>();
        for (int index = 0; index < headers.size(); index++) {
            NameValue header = headers.get(index);
            String path = WebhookSchema.HEADERS + "[" + index + "]";
            nameProblem(header.name(), authentication, firstIndexByName, index)
                    .ifPresent(message -> violations.add(new Violation(path + ".name", message)));
            if (!HttpText.isSafeHeaderValue(header.value())) {
                violations.add(new Violation(path + ".value",
                        "Header value may contain only printable ASCII characters, spaces and tabs: no line breaks, NUL or other control characters"));
            } else if (header.value().length() > MAXIMUM_VALUE_LENGTH) {
                violations.add(new Violation(path + ".value",
                        "Header value must be at most " + MAXIMUM_VALUE_LENGTH + " characters (it has " + header.value().length() + ")"));
            }
        }
        return violations;
    }

    private static Optional<String> nameProblem(String name, Optional<AuthenticationType> authentication,
                                                Map<String, Integer> firstIndexByName, int index) {
        if (name.isEmpty()) {
            return Optional.of("Header name is required");
        }
        if (!HttpText.isToken(name)) {
            return Optional.of("Header name may contain only letters, digits and !#$%&'*+-.^_`|~ (no spaces, colons or line breaks)");
        }
        if (name.length() > MAXIMUM_NAME_LENGTH) {
            return Optional.of("Header name must be at most " + MAXIMUM_NAME_LENGTH + " characters (it has " + name.length() + ")");
        }
        Optional<String> reserved = ALWAYS_RESERVED.stream().filter(name::equalsIgnoreCase).findFirst();
        if (reserved.isPresent()) {
            return Optional.of("Header " + reserved.get() + " is set by the webhook transport and cannot be set here");
        }
        if (name.equalsIgnoreCase(AUTHORIZATION) && authentication.isPresent() && authentication.get() != AuthenticationType.NONE) {
            return Optional.of("Header Authorization is set by " + authentication.get()
                    + " authentication; remove it here, or set Authentication to NONE");
        }
        Integer first = firstIndexByName.putIfAbsent(name.toLowerCase(Locale.ROOT), index);
        if (first != null) {
            return Optional.of("Header " + name + " is already set by " + WebhookSchema.HEADERS + "[" + first
                    + "] (header names are not case-sensitive)");
        }
        return Optional.empty();
    }
}
