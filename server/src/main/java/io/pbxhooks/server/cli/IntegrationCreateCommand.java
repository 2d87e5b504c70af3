package io.pbxhooks.server.cli;

import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Creates an integration from flags, from a YAML/JSON file, or both (flags override the file).",
                "Nothing is saved when a value is invalid: every problem is listed, one field per line."},
        footer = {"", "Example:",
                "  pbxhooks integrations create --account acme --name \"CRM screen pop\" \\",
                "      --event inbound_call_answered --url https://crm.example.com/hooks \\",
                "      --map ext=extension_number --map caller=source_number"})
final class IntegrationCreateCommand implements Callable<Integer> {

    static final String DEFAULT_SERVICE_TYPE = "hosted-pbx";
    static final String DEFAULT_TRANSPORT = "webhook";

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Mixin
    OutputOption output;

    @Mixin
    IntegrationSettingsOptions settings;

    @Option(names = "--account", paramLabel = "ACCOUNT", defaultValue = "", order = 0,
            description = "The account (required with an operator key; an admin key's own account when left out).")
    String account;

    @Option(names = "--disabled", order = 19, description = "Create it switched off.")
    boolean disabled;

    @Override
    public Integer call() {
        Integration.Builder integration = withDefaults(settings.apply(Integration.getDefaultInstance()));
        if (disabled) {
            integration.setEnabled(false);
        }
        try (PbxhooksClient client = server.connect()) {
            Integration created = client.integrations().createIntegration(CreateIntegrationRequest.newBuilder()
                    .setAccountId(account).setIntegration(integration).build()).getIntegration();
            if (output.json()) {
                OutputOption.printJson(created, spec.commandLine().getOut());
            } else {
                IntegrationView.print(created, spec.commandLine().getOut());
            }
        }
        return ExitCodes.OK;
    }

    /** Hosted PBX events sent as webhooks, unless the flags or the file say otherwise. */
    static Integration.Builder withDefaults(Integration.Builder integration) {
        if (integration.getTriggerServiceType().isEmpty()) {
            integration.setTriggerServiceType(DEFAULT_SERVICE_TYPE);
        }
        if (integration.getType().isEmpty()) {
            integration.setType(DEFAULT_TRANSPORT);
        }
        return integration;
    }
}
