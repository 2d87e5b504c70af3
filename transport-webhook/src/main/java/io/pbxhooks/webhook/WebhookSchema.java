package io.pbxhooks.webhook;

import io.pbxhooks.spi.config.ConfigSchema;
import io.pbxhooks.spi.config.SettingDescriptor;
import io.pbxhooks.spi.config.SettingType;
import io.pbxhooks.spi.config.TransportConfig;
import java.util.Arrays;
import java.util.Optional;

/**
 * The webhook transport's settings. Their names are part of the admin API ({@code integration.webhook.<name>}),
 * so they never change.
 */
final class WebhookSchema {

    static final String REQUEST_URL = "request_url";
    static final String METHOD = "method";
    static final String FORMAT = "format";
    static final String PATH_ARGUMENTS = "path_arguments";
    static final String AUTH_TYPE = "auth.type";
    static final String AUTH_USERNAME = "auth.username";
    static final String AUTH_PASSWORD = "auth.password";
    static final String AUTH_TOKEN = "auth.token";
    static final String HEADERS = "headers";
    static final String SIGNING_SECRET = "signing_secret";
    static final String TIMEOUT = "timeout";

    static final int MAXIMUM_URL_LENGTH = 2048;
    static final long DEFAULT_TIMEOUT_MILLIS = 10_000;
    static final long MAXIMUM_TIMEOUT_MILLIS = 30_000;

    private WebhookSchema() {
    }

    static ConfigSchema create() {
        return ConfigSchema.builder()
                .setting(SettingDescriptor.builder(REQUEST_URL, SettingType.STRING).label("Request URL").required()
                        .maxLength(MAXIMUM_URL_LENGTH).rule(new RequestUrlRule())
                        .description("The receiver's absolute http:// or https:// URL. It may carry a query string; it must not contain "
                                + "a user name, a password or a #fragment. At most " + MAXIMUM_URL_LENGTH + " characters.")
                        .build())
                .setting(SettingDescriptor.builder(METHOD, SettingType.ENUM).label("Method").allowedValues(names(RequestMethod.class))
                        .defaultValue(RequestMethod.POST.name())
                        .description("POST sends the payload in the request body. GET, for legacy receivers, sends it in the URL's "
                                + "query string, so it needs format QUERY.")
                        .build())
                .setting(SettingDescriptor.builder(FORMAT, SettingType.ENUM).label("Format").allowedValues(names(PayloadFormat.class))
                        .defaultValue(PayloadFormat.JSON.name())
                        .description("JSON sends the payload as a JSON object (Content-Type: application/json). QUERY sends it as "
                                + "URL-encoded key=value pairs: in the query string for GET, as an "
                                + "application/x-www-form-urlencoded body for POST.")
                        .build())
                .setting(SettingDescriptor.builder(PATH_ARGUMENTS, SettingType.STRING).label("Path arguments").maxLength(1024)
                        .rule(new PathArgumentsRule())
                        .description("Extra path appended to the request URL's path, for example calls/inbound; one / separates "
                                + "the two. Query parameters belong in the request URL.")
                        .build())
                .setting(SettingDescriptor.builder(AUTH_TYPE, SettingType.ENUM).label("Authentication")
                        .allowedValues(names(AuthenticationType.class)).defaultValue(AuthenticationType.NONE.name())
                        .description("NONE; BASIC sends Authorization: Basic with the username and password; TOKEN sends "
                                + "Authorization: Bearer with the token.")
                        .build())
                .setting(SettingDescriptor.builder(AUTH_USERNAME, SettingType.STRING).label("Username").maxLength(256)
                        .rule(CredentialRules::username)
                        .description("The user name for BASIC authentication; required when Authentication is BASIC.")
                        .build())
                .setting(SettingDescriptor.builder(AUTH_PASSWORD, SettingType.SECRET).label("Password").maxLength(256)
                        .rule(CredentialRules::password)
                        .description("The password for BASIC authentication; may be left empty. Stored encrypted and never shown again.")
                        .build())
                .setting(SettingDescriptor.builder(AUTH_TOKEN, SettingType.SECRET).label("Token").maxLength(4096)
                        .rule(CredentialRules::token)
                        .description("The token sent as Authorization: Bearer <token>; required when Authentication is TOKEN. "
                                + "Stored encrypted and never shown again.")
                        .build())
                .setting(SettingDescriptor.builder(HEADERS, SettingType.NAME_VALUE_LIST).label("Custom headers")
                        .description("Extra request headers, typically X-…, each name valid and used once. The transport's own "
                                + "headers cannot be set here: " + String.join(", ", HeaderRules.ALWAYS_RESERVED)
                                + ", and Authorization when Authentication is not NONE.")
                        .build())
                .setting(SettingDescriptor.builder(SIGNING_SECRET, SettingType.SECRET).label("Signing secret")
                        .rule(SigningSecret::problem)
                        .description("When set, every delivery is signed the Standard Webhooks way (headers webhook-id, "
                                + "webhook-timestamp, webhook-signature) so the receiver can verify it with any Standard Webhooks "
                                + "library. Format: " + SigningSecret.PREFIX + " followed by the Base64 of 24 to 64 random bytes. "
                                + "Stored encrypted and never shown again.")
                        .build())
                .setting(SettingDescriptor.builder(TIMEOUT, SettingType.DURATION_MILLIS).label("Timeout")
                        .defaultValue(Long.toString(DEFAULT_TIMEOUT_MILLIS)).rule(WebhookSchema::timeoutProblem)
                        .description("How long one delivery attempt may take in all, from connecting to the last byte of the "
                                + "response, in milliseconds (1 to " + MAXIMUM_TIMEOUT_MILLIS + "). A slower attempt is retried later.")
                        .build())
                .build();
    }

    /** The value of an enum setting, its default when unset, or empty when it names no constant (the schema reports that). */
    static <E extends Enum<E>> Optional<E> enumValue(TransportConfig config, String name, E defaultValue) {
        String value = config.value(name).orElse(defaultValue.name());
        return Arrays.stream(defaultValue.getDeclaringClass().getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst();
    }

    private static Optional<String> timeoutProblem(String value) {
        long millis;
        try {
            millis = Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            return Optional.of("Timeout must be a whole number of milliseconds");
        }
        if (millis < 1 || millis > MAXIMUM_TIMEOUT_MILLIS) {
            return Optional.of("Timeout must be between 1 and " + MAXIMUM_TIMEOUT_MILLIS + " milliseconds (got " + millis + ")");
        }
        return Optional.empty();
    }

    private static String[] names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
    }
}
