package io.pbxhooks.server.cli;

import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.UpdateIntegrationRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Changes an integration: the flags given replace those settings, the others stay as they are;",
                "with --file, the file replaces every setting (stored secrets are kept unless cleared).",
                "Use enable/disable to switch it on or off."})
final class IntegrationUpdateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Mixin
    OutputOption output;

    @Parameters(paramLabel = "ID")
    String id;

    @Mixin
    IntegrationSettingsOptions settings;

    @Option(names = "--clear-secret", paramLabel = "PATH", order = 19,
            description = "Removes a stored secret: webhook.auth.password, webhook.auth.token, webhook.signing_secret or config.<setting>.")
    List<String> clearSecrets = List.of();

    @Override
    public Integer call() {
        try (PbxhooksClient client = server.connect()) {
            Integration stored = client.integrations().getIntegration(GetIntegrationRequest.newBuilder().setId(id).build()).getIntegration();
            Integration.Builder changed = settings.apply(stored).setId(stored.getId()).setEtag(stored.getEtag());
            Integration updated = client.integrations().updateIntegration(UpdateIntegrationRequest.newBuilder()
                    .setIntegration(changed).addAllClearSecrets(clearSecrets).build()).getIntegration();
            if (output.json()) {
                OutputOption.printJson(updated, spec.commandLine().getOut());
            } else {
                IntegrationView.print(updated, spec.commandLine().getOut());
            }
        }
        return ExitCodes.OK;
    }
}
