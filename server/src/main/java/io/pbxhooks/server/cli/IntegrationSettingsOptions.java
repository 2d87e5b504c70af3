package io.pbxhooks.server.cli;

import io.pbxhooks.admin.v1.FieldMapping;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Webhook;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The settings of an integration as flags, on top of an optional {@code --file}; a flag left out leaves the setting as it
 * was (in the file, or in the stored integration for an update). The server checks every value.
 */
public final class IntegrationSettingsOptions {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", order = 1,
            description = "The integration as YAML or JSON (the fields of pbxhooks.admin.v1.Integration, e.g. trigger_event, webhook.request_url); '-' reads standard input. Flags override it.")
    Path file;

    @Option(names = "--name", paramLabel = "NAME", order = 2, description = "For your reference, at most 100 characters.")
    String name;

    @Option(names = "--event", paramLabel = "EVENT", order = 3, description = "The trigger event, e.g. inbound_call_answered (see 'pbxhooks catalogue service-types').")
    String event;

    @Option(names = "--service-type", paramLabel = "TYPE", order = 4, description = "The trigger service type (default on create: hosted-pbx).")
    String serviceType;

    @Option(names = "--type", paramLabel = "TRANSPORT", order = 5, description = "The transport type (default on create: webhook).")
    String type;

    @Option(names = "--url", paramLabel = "URL", order = 6, description = "The webhook's request URL (http or https).")
    String url;

    @Option(names = "--method", paramLabel = "METHOD", order = 7, description = "POST or GET (GET needs --format query).")
    Webhook.Method method;

    @Option(names = "--format", paramLabel = "FORMAT", order = 8, description = "json (a JSON object body) or query (a URL-encoded query string).")
    Webhook.Format format;

    @Option(names = "--path-arguments", paramLabel = "PATH", order = 9, description = "Extra path appended to the URL's path.")
    String pathArguments;

    @Option(names = "--auth", paramLabel = "AUTH", order = 10, description = "none, basic (with --username, --password) or token (with --token).")
    Webhook.Auth.Type auth;

    @Option(names = "--username", paramLabel = "USER", order = 11, description = "The basic authentication username.")
    String username;

    @Option(names = "--password", paramLabel = "PASSWORD", order = 12, arity = "0..1", interactive = true,
            description = "The basic authentication password; without a value it is asked for (not echoed).")
    String password;

    @Option(names = "--token", paramLabel = "TOKEN", order = 13, arity = "0..1", interactive = true,
            description = "The bearer token; without a value it is asked for (not echoed).")
    String token;

    @Option(names = "--signing-secret", paramLabel = "SECRET", order = 14, arity = "0..1", interactive = true,
            description = "A Standard Webhooks secret (whsec_...) to sign deliveries with; without a value it is asked for.")
    String signingSecret;

    @Option(names = "--header", paramLabel = "NAME=VALUE", order = 15, description = "A custom header; repeat for more. Replaces all the headers.")
    Map<String, String> headers;

    @Option(names = "--map", paramLabel = "KEY=FIELD", order = 16,
            description = "Sends field FIELD under request key KEY (FIELD alone: under its own name); repeat, in payload order. Replaces all the mappings.")
    List<String> mappings;

    @Option(names = "--timeout", paramLabel = "DURATION", order = 17, converter = DurationConverter.class,
            description = "How long one attempt may take, e.g. 10s or 2500ms.")
    com.google.protobuf.Duration timeout;

    @Option(names = "--config", paramLabel = "NAME=VALUE", order = 18, description = "A setting of a third-party transport; repeat for more.")
    Map<String, String> config;

    /** The settings of {@code --file} (or {@code base} without one) with every given flag applied. */
    Integration.Builder apply(Integration base) {
        Integration.Builder integration = file == null ? base.toBuilder() : IntegrationFile.read(file);
        setIfGiven(name, integration::setName);
        setIfGiven(event, integration::setTriggerEvent);
        setIfGiven(serviceType, integration::setTriggerServiceType);
        setIfGiven(type, integration::setType);
        if (config != null) {
            integration.clearConfig().putAllConfig(config);
        }
        if (mappings != null) {
            integration.clearFieldMappings();
            mappings.forEach(mapping -> integration.addFieldMappings(mapping(mapping)));
        }
        if (touchesWebhook()) {
            applyWebhook(integration.getWebhookBuilder());
        }
        return integration;
    }

    private boolean touchesWebhook() {
        return url != null || method != null || format != null || pathArguments != null || auth != null || username != null
                || password != null || token != null || signingSecret != null || headers != null || timeout != null;
    }

    private void applyWebhook(Webhook.Builder webhook) {
        setIfGiven(url, webhook::setRequestUrl);
        setIfGiven(method, webhook::setMethod);
        setIfGiven(format, webhook::setFormat);
        setIfGiven(pathArguments, webhook::setPathArguments);
        setIfGiven(auth, webhook.getAuthBuilder()::setType);
        setIfGiven(username, webhook.getAuthBuilder()::setUsername);
        setIfGiven(password, webhook.getAuthBuilder()::setPassword);
        setIfGiven(token, webhook.getAuthBuilder()::setToken);
        setIfGiven(signingSecret, webhook::setSigningSecret);
        setIfGiven(timeout, webhook::setTimeout);
        if (headers != null) {
            webhook.clearHeaders();
            headers.forEach((header, value) -> webhook.addHeaders(Webhook.Header.newBuilder().setName(header).setValue(value)));
        }
    }

    private static FieldMapping mapping(String mapping) {
        int equals = mapping.indexOf('=');
        String requestKey = equals < 0 ? mapping : mapping.substring(0, equals);
        String field = equals < 0 ? mapping : mapping.substring(equals + 1);
        return FieldMapping.newBuilder().setRequestKey(requestKey.trim()).setField(field.trim()).build();
    }

    private static <T> void setIfGiven(T value, java.util.function.Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
