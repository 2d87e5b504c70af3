package io.pbxhooks.webhook;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.PluginContext;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.TransportSender;
import io.pbxhooks.spi.config.ConfigSchema;
import io.pbxhooks.spi.config.TransportConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The webhook transport: delivers each payload as one HTTP request to the integration's receiver. */
public final class WebhookTransport implements TransportPlugin {

    private final ConfigSchema schema = WebhookSchema.create();
    private final SharedHttpClient httpClient;

    public WebhookTransport() {
        this(new SharedHttpClient(HttpClients::create));
    }

    WebhookTransport(SharedHttpClient httpClient) {
        this.httpClient = requireNonNull(httpClient, "httpClient is null");
    }

    @Override
    public String id() {
        return "webhook";
    }

    @Override
    public String displayName() {
        return "Webhook";
    }

    @Override
    public ConfigSchema configSchema() {
        return schema;
    }

    @Override
    public List<Violation> validate(TransportConfig config) {
        requireNonNull(config, "config is null");
        List<Violation> violations = new ArrayList<>(schema.validate(config));
        methodAndFormatProblem(config).ifPresent(violations::add);
        violations.addAll(CredentialRules.check(config));
        violations.addAll(HeaderRules.check(config.list(WebhookSchema.HEADERS),
                WebhookSchema.enumValue(config, WebhookSchema.AUTH_TYPE, AuthenticationType.NONE)));
        violations.addAll(FieldMappingRules.check(config.fieldMappings()));
        return violations;
    }

    @Override
    public List<Violation> validate(TransportConfig config, PluginContext context) {
        requireNonNull(context, "context is null");
        List<Violation> violations = new ArrayList<>(validate(config));
        boolean requestUrlValid = violations.stream().noneMatch(violation -> violation.field().equals(WebhookSchema.REQUEST_URL));
        if (requestUrlValid) {
            RequestUrlDestinationRule.check(config.value(WebhookSchema.REQUEST_URL).orElse(""), context.destinationPolicy())
                    .ifPresent(violations::add);
        }
        return violations;
    }

    @Override
    public Optional<String> destination(TransportConfig config) {
        requireNonNull(config, "config is null");
        return config.value(WebhookSchema.REQUEST_URL).map(RequestDestination::of);
    }

    @Override
    public TransportSender createSender(TransportConfig config, PluginContext context) {
        requireNonNull(config, "config is null");
        requireNonNull(context, "context is null");
        List<Violation> violations = validate(config);
        if (!violations.isEmpty()) {
            // The host validates before creating senders; naming the settings is enough for this bug's log line.
            throw new IllegalArgumentException("invalid webhook configuration, check: "
                    + violations.stream().map(Violation::field).distinct().collect(Collectors.joining(", ")));
        }
        // Not validate(config, context): a stored integration the policy now refuses is refused, and recorded, per attempt.
        return new WebhookSender(WebhookConfig.from(config), httpClient.lease(ClientSettings.of(context)), context.clock());
    }

    private static Optional<Violation> methodAndFormatProblem(TransportConfig config) {
        Optional<RequestMethod> method = WebhookSchema.enumValue(config, WebhookSchema.METHOD, RequestMethod.POST);
        Optional<PayloadFormat> format = WebhookSchema.enumValue(config, WebhookSchema.FORMAT, PayloadFormat.JSON);
        if (method.equals(Optional.of(RequestMethod.GET)) && format.equals(Optional.of(PayloadFormat.JSON))) {
            return Optional.of(new Violation(WebhookSchema.FORMAT,
                    "Format JSON cannot be used with method GET: a GET request has no body. Use QUERY to send the payload in the URL"));
        }
        return Optional.empty();
    }
}
