package io.pbxhooks.admin;

import com.google.protobuf.Duration;
import io.pbxhooks.admin.v1.Webhook;
import io.pbxhooks.spi.config.NameValue;
import io.pbxhooks.spi.config.TransportConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Webhook} message as the generic settings of the {@code webhook} transport's schema, and back.
 * An unspecified enum or an absent timeout becomes an absent setting (the schema's default applies); secrets
 * never go back into a message, only whether each is set.
 */
final class WebhookSettings {

    static final String TYPE = "webhook";

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

    private WebhookSettings() {
    }

    static Map<String, String> values(Webhook webhook) {
        Map<String, String> values = new LinkedHashMap<>();
        putIfSet(values, REQUEST_URL, webhook.getRequestUrl());
        if (webhook.getMethodValue() != 0) {
            putIfSet(values, METHOD, enumName(webhook.getMethod(), webhook.getMethodValue()));
        }
        if (webhook.getFormatValue() != 0) {
            putIfSet(values, FORMAT, enumName(webhook.getFormat(), webhook.getFormatValue()));
        }
        putIfSet(values, PATH_ARGUMENTS, webhook.getPathArguments());
        Webhook.Auth auth = webhook.getAuth();
        if (auth.getTypeValue() != 0) {
            putIfSet(values, AUTH_TYPE, enumName(auth.getType(), auth.getTypeValue()));
        }
        putIfSet(values, AUTH_USERNAME, auth.getUsername());
        putIfSet(values, AUTH_PASSWORD, auth.getPassword());
        putIfSet(values, AUTH_TOKEN, auth.getToken());
        putIfSet(values, SIGNING_SECRET, webhook.getSigningSecret());
        if (webhook.hasTimeout()) {
            Duration timeout = webhook.getTimeout();
            values.put(TIMEOUT, Long.toString(timeout.getSeconds() * 1000 + timeout.getNanos() / 1_000_000));
        }
        return values;
    }

    static Map<String, List<NameValue>> lists(Webhook webhook) {
        if (webhook.getHeadersCount() == 0) {
            return Map.of();
        }
        return Map.of(HEADERS, webhook.getHeadersList().stream().map(header -> new NameValue(header.getName(), header.getValue())).toList());
    }

    /** The webhook message of a stored configuration, its secrets replaced by whether each is set. */
    static Webhook message(TransportConfig config) {
        Webhook.Builder webhook = Webhook.newBuilder();
        config.value(REQUEST_URL).ifPresent(webhook::setRequestUrl);
        config.value(METHOD).map(name -> parse(Webhook.Method.class, name, Webhook.Method.METHOD_UNSPECIFIED)).ifPresent(webhook::setMethod);
        config.value(FORMAT).map(name -> parse(Webhook.Format.class, name, Webhook.Format.FORMAT_UNSPECIFIED)).ifPresent(webhook::setFormat);
        config.value(PATH_ARGUMENTS).ifPresent(webhook::setPathArguments);
        Webhook.Auth.Builder auth = webhook.getAuthBuilder();
        config.value(AUTH_TYPE).map(name -> parse(Webhook.Auth.Type.class, name, Webhook.Auth.Type.TYPE_UNSPECIFIED)).ifPresent(auth::setType);
        config.value(AUTH_USERNAME).ifPresent(auth::setUsername);
        auth.setPasswordSet(config.value(AUTH_PASSWORD).isPresent());
        auth.setTokenSet(config.value(AUTH_TOKEN).isPresent());
        config.list(HEADERS).forEach(header -> webhook.addHeaders(Webhook.Header.newBuilder().setName(header.name()).setValue(header.value())));
        webhook.setSigningSecretSet(config.value(SIGNING_SECRET).isPresent());
        config.value(TIMEOUT).flatMap(WebhookSettings::millis).ifPresent(millis ->
                webhook.setTimeout(Duration.newBuilder().setSeconds(millis / 1000).setNanos((int) (millis % 1000) * 1_000_000)));
        return webhook.build();
    }

    /** Whether a stored secret still serves the other settings: BASIC auth uses the password, TOKEN auth the token. */
    static boolean usesSecret(TransportConfig config, String secret) {
        String authType = config.value(AUTH_TYPE).orElse("");
        return switch (secret) {
            case AUTH_PASSWORD -> authType.equals(Webhook.Auth.Type.BASIC.name());
            case AUTH_TOKEN -> authType.equals(Webhook.Auth.Type.TOKEN.name());
            default -> true;
        };
    }

    private static String enumName(Enum<?> value, int number) {
        // A number this server's proto does not know reaches the schema as is, which rejects it.
        return value.name().equals("UNRECOGNIZED") ? Integer.toString(number) : value.name();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, E otherwise) {
        try {
            E value = Enum.valueOf(type, name);
            return value.name().equals("UNRECOGNIZED") ? otherwise : value;
        } catch (IllegalArgumentException unknown) {
            return otherwise;
        }
    }

    private static Optional<Long> millis(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static void putIfSet(Map<String, String> values, String name, String value) {
        if (!value.isEmpty()) {
            values.put(name, value);
        }
    }
}
