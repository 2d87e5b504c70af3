package io.pbxhooks.webhook;

import static io.pbxhooks.webhook.WebhookSchema.AUTH_PASSWORD;
import static io.pbxhooks.webhook.WebhookSchema.AUTH_TOKEN;
import static io.pbxhooks.webhook.WebhookSchema.AUTH_TYPE;
import static io.pbxhooks.webhook.WebhookSchema.AUTH_USERNAME;

import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.config.TransportConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The authentication settings: what each credential may contain, and which credentials each authentication type
 * needs. A credential set for another type is rejected rather than silently kept, so no unused secret is stored.
 * No message repeats a credential.
 */
final class CredentialRules {

    private CredentialRules() {
    }

    static Optional<String> username(String value) {
        if (value.indexOf(':') >= 0) {
            return Optional.of("Username must not contain ':', which Basic authentication uses to separate it from the password");
        }
        return HttpText.hasControlCharacter(value) ? Optional.of("Username must not contain line breaks or control characters") : Optional.empty();
    }

    static Optional<String> password(String value) {
        return HttpText.hasControlCharacter(value) ? Optional.of("Password must not contain line breaks or control characters") : Optional.empty();
    }

    static Optional<String> token(String value) {
        return HttpText.isVisibleAscii(value) ? Optional.empty()
                : Optional.of("Token may contain only printable ASCII characters, without spaces or line breaks");
    }

    /** The rules spanning the authentication type and its credentials; nothing when the type itself is invalid. */
    static List<Violation> check(TransportConfig config) {
        List<Violation> violations = new ArrayList<>();
        WebhookSchema.enumValue(config, AUTH_TYPE, AuthenticationType.NONE).ifPresent(type -> {
            switch (type) {
                case NONE -> {
                    unexpected(config, AUTH_USERNAME, "Username", type, "BASIC", violations);
                    unexpected(config, AUTH_PASSWORD, "Password", type, "BASIC", violations);
                    unexpected(config, AUTH_TOKEN, "Token", type, "TOKEN", violations);
                }
                case BASIC -> {
                    required(config, AUTH_USERNAME, "Username", type, violations);
                    unexpected(config, AUTH_TOKEN, "Token", type, "TOKEN", violations);
                }
                case TOKEN -> {
                    required(config, AUTH_TOKEN, "Token", type, violations);
                    unexpected(config, AUTH_USERNAME, "Username", type, "BASIC", violations);
                    unexpected(config, AUTH_PASSWORD, "Password", type, "BASIC", violations);
                }
            }
        });
        return violations;
    }

    private static void required(TransportConfig config, String setting, String label, AuthenticationType type, List<Violation> violations) {
        if (config.value(setting).isEmpty()) {
            violations.add(new Violation(setting, label + " is required when Authentication is " + type));
        }
    }

    private static void unexpected(TransportConfig config, String setting, String label, AuthenticationType type,
                                   String typeThatUsesIt, List<Violation> violations) {
        if (config.value(setting).isPresent()) {
            violations.add(new Violation(setting, label + " is set but Authentication is " + type + "; clear it, or choose "
                    + typeThatUsesIt + " authentication"));
        }
    }
}
