package io.pbxhooks.admin;

import io.pbxhooks.admin.error.InvalidArgumentException;
import java.util.List;

/** The applications an account can switch on ("Manage Applications"). */
final class Applications {

    /** While it is off, an account's integrations can be configured but none fires. */
    static final String SERVICE_INTEGRATIONS = "service-integrations";

    static final List<String> KNOWN = List.of(SERVICE_INTEGRATIONS);

    private Applications() {
    }

    static String requireKnown(String application) {
        if (!KNOWN.contains(application)) {
            throw InvalidArgumentException.of("application", (application.isEmpty() ? "application is required"
                    : "unknown application \"" + application + "\"") + "; known applications: " + String.join(", ", KNOWN));
        }
        return application;
    }
}
