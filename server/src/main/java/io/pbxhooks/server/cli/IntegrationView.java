package io.pbxhooks.server.cli;

import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.Webhook;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** An integration as people read it: one per line in a table, or all its settings. Secrets show only as "set". */
final class IntegrationView {

    private IntegrationView() {
    }

    static Table table() {
        return new Table("ID", "NAME", "EVENT", "STATE", "DESTINATION");
    }

    static void addRow(Table table, Integration integration) {
        table.row(integration.getId(), integration.getName(), integration.getTriggerEvent(), state(integration), destination(integration));
    }

    static void print(Integration integration, PrintWriter out) {
        Details details = new Details()
                .add("Integration", integration.getId())
                .add("Name", integration.getName())
                .add("Account", integration.getAccountId())
                .add("Trigger", integration.getTriggerServiceType() + " / " + integration.getTriggerEvent())
                .add("State", state(integration))
                .add("Transport", integration.getType());
        if (integration.hasWebhook()) {
            addWebhook(details, integration.getWebhook());
        }
        integration.getConfigMap().forEach((name, value) -> details.add("Config " + name, value));
        details.add("Secrets set", String.join(", ", integration.getConfigSecretsSetList()))
                .add("Payload", integration.getFieldMappingsList().stream()
                        .map(mapping -> mapping.getRequestKey() + " <- " + mapping.getField()).collect(Collectors.joining(", ")))
                .add("Created", Formats.time(integration.getCreateTime()))
                .add("Updated", Formats.time(integration.getUpdateTime()))
                .print(out);
    }

    static String state(Integration integration) {
        Integration.Status status = integration.getStatus();
        return switch (status.getState()) {
            case ACTIVE -> "active";
            case DISABLED_BY_ADMIN -> "disabled";
            case DISABLED_BY_SERVER -> "disabled by the server" + (status.getReason().isEmpty() ? "" : ": " + status.getReason());
            default -> Formats.name(status.getState());
        };
    }

    private static String destination(Integration integration) {
        if (!integration.hasWebhook()) {
            return integration.getType();
        }
        Webhook webhook = integration.getWebhook();
        return webhook.getMethod() + " " + webhook.getRequestUrl() + pathArguments(webhook);
    }

    private static void addWebhook(Details details, Webhook webhook) {
        Webhook.Auth auth = webhook.getAuth();
        details.add("Request", webhook.getMethod() + " " + webhook.getRequestUrl() + pathArguments(webhook))
                .add("Format", webhook.getFormat())
                .add("Auth", switch (auth.getType()) {
                    case BASIC -> "basic, user " + auth.getUsername() + (auth.getPasswordSet() ? ", password set" : ", no password");
                    case TOKEN -> "token" + (auth.getTokenSet() ? " (set)" : " (not set)");
                    case NONE -> "none";
                    default -> "";
                })
                .add("Headers", String.join("\n", headers(webhook.getHeadersList())))
                .add("Signing", webhook.getSigningSecretSet() ? "Standard Webhooks (secret set)" : "")
                .add("Timeout", webhook.hasTimeout() ? Formats.millis(webhook.getTimeout()) : "");
    }

    private static String pathArguments(Webhook webhook) {
        return webhook.getPathArguments().isEmpty() ? "" : " + " + webhook.getPathArguments();
    }

    private static List<String> headers(List<Webhook.Header> headers) {
        return headers.stream().map(header -> header.getName() + ": " + header.getValue()).toList();
    }
}
