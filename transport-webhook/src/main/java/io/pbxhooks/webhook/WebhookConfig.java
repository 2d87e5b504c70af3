package io.pbxhooks.webhook;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.spi.config.NameValue;
import io.pbxhooks.spi.config.TransportConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The settings of one integration in the form the sender uses them, read from a configuration that
 * {@link WebhookTransport#validate} accepted.
 *
 * @param url           the request URL with the path arguments appended, non-ASCII characters escaped
 * @param authorization the {@code Authorization} header value, when authentication is set
 * @param secrets       the credentials and the signing secret in clear, to blank out of anything a receiver echoes back
 */
record WebhookConfig(String url, RequestMethod method, PayloadFormat format, Optional<String> authorization, List<NameValue> headers,
                     Optional<SigningSecret> signingSecret, Duration timeout, List<String> secrets) {

    WebhookConfig {
        requireNonNull(url, "url is null");
        requireNonNull(method, "method is null");
        requireNonNull(format, "format is null");
        requireNonNull(authorization, "authorization is null");
        headers = List.copyOf(requireNonNull(headers, "headers is null"));
        requireNonNull(signingSecret, "signingSecret is null");
        requireNonNull(timeout, "timeout is null");
        secrets = List.copyOf(requireNonNull(secrets, "secrets is null"));
    }

    static WebhookConfig from(TransportConfig config) {
        String url = URI.create(RequestUrls.withPathArguments(config.value(WebhookSchema.REQUEST_URL).orElseThrow(),
                config.value(WebhookSchema.PATH_ARGUMENTS).orElse(""))).toASCIIString();
        List<String> secrets = new ArrayList<>();
        Optional<String> authorization = authorization(config, secrets);
        // Never sent, but a receiver that shares it to verify signatures might echo it in an error.
        config.value(WebhookSchema.SIGNING_SECRET).ifPresent(signingSecret -> {
            secrets.add(signingSecret);
            secrets.add(signingSecret.substring(SigningSecret.PREFIX.length()));
        });
        return new WebhookConfig(url,
                WebhookSchema.enumValue(config, WebhookSchema.METHOD, RequestMethod.POST).orElseThrow(),
                WebhookSchema.enumValue(config, WebhookSchema.FORMAT, PayloadFormat.JSON).orElseThrow(),
                authorization,
                config.list(WebhookSchema.HEADERS),
                config.value(WebhookSchema.SIGNING_SECRET).map(SigningSecret::parse),
                Duration.ofMillis(config.value(WebhookSchema.TIMEOUT).map(Long::parseLong).orElse(WebhookSchema.DEFAULT_TIMEOUT_MILLIS)),
                secrets);
    }

    /** The Authorization header value; adds the credentials a receiver could echo back to {@code secrets}. */
    private static Optional<String> authorization(TransportConfig config, List<String> secrets) {
        switch (WebhookSchema.enumValue(config, WebhookSchema.AUTH_TYPE, AuthenticationType.NONE).orElseThrow()) {
            case BASIC -> {
                Optional<String> password = config.value(WebhookSchema.AUTH_PASSWORD);
                String userAndPassword = config.value(WebhookSchema.AUTH_USERNAME).orElseThrow() + ":" + password.orElse("");
                String credentials = Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
                secrets.add(credentials);
                password.ifPresent(secrets::add);
                return Optional.of("Basic " + credentials);
            }
            case TOKEN -> {
                String token = config.value(WebhookSchema.AUTH_TOKEN).orElseThrow();
                secrets.add(token);
                return Optional.of("Bearer " + token);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    @Override
    public String toString() {
        return "WebhookConfig[" + method + " " + format + ", authorization " + (authorization.isPresent() ? "set" : "none")
                + ", " + headers.size() + " custom headers, signed " + signingSecret.isPresent() + ", timeout " + timeout.toMillis() + " ms]";
    }
}
