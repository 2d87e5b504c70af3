package io.pbxhooks.server.cli;

import io.pbxhooks.admin.v1.DeleteIntegrationRequest;
import io.pbxhooks.admin.v1.DisableIntegrationRequest;
import io.pbxhooks.admin.v1.EnableIntegrationRequest;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.ListIntegrationsResponse;
import io.pbxhooks.admin.v1.SendTestEventRequest;
import io.pbxhooks.admin.v1.SendTestEventResponse;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "integrations", mixinStandardHelpOptions = true, description = "The integrations of an account: which event goes where, with which payload.",
        subcommands = {IntegrationCreateCommand.class, IntegrationUpdateCommand.class, IntegrationValidateCommand.class})
final class IntegrationsCommand {

    enum Enabled { ENABLED, DISABLED }

    @Spec
    CommandSpec spec;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists an account's integrations in creation order.")
    int list(@Mixin ServerOptions server, @Mixin OutputOption output,
             @Option(names = "--account", paramLabel = "ACCOUNT", defaultValue = "",
                     description = "The account (required with an operator key; an admin key's own account when left out).") String account,
             @Option(names = "--event", paramLabel = "EVENT", defaultValue = "", description = "Only those of this trigger event.") String event,
             @Option(names = "--state", paramLabel = "STATE", description = "Only the enabled or the disabled ones.") Enabled state) {
        try (PbxhooksClient client = server.connect()) {
            ListIntegrationsRequest.Builder request = ListIntegrationsRequest.newBuilder().setAccountId(account).setTriggerEvent(event).setPageSize(1000);
            if (state != null) {
                request.setEnabled(state == Enabled.ENABLED);
            }
            List<Integration> integrations = Formats.allPages(token -> client.integrations().listIntegrations(request.setPageToken(token).build()),
                    ListIntegrationsResponse::getIntegrationsList, ListIntegrationsResponse::getNextPageToken, Integer.MAX_VALUE);
            if (output.json()) {
                OutputOption.printJson(ListIntegrationsResponse.newBuilder().addAllIntegrations(integrations), out());
                return ExitCodes.OK;
            }
            Table table = IntegrationView.table();
            integrations.forEach(integration -> IntegrationView.addRow(table, integration));
            table.print(out(), "No integrations.");
        }
        return ExitCodes.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows an integration's settings (secrets only as set or not).")
    int show(@Mixin ServerOptions server, @Mixin OutputOption output, @Parameters(paramLabel = "ID") String id) {
        try (PbxhooksClient client = server.connect()) {
            print(client.integrations().getIntegration(GetIntegrationRequest.newBuilder().setId(id).build()).getIntegration(), output);
        }
        return ExitCodes.OK;
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Switches an integration on (also one the server switched off).")
    int enable(@Mixin ServerOptions server, @Mixin OutputOption output, @Parameters(paramLabel = "ID") String id) {
        try (PbxhooksClient client = server.connect()) {
            print(client.integrations().enableIntegration(EnableIntegrationRequest.newBuilder().setId(id).build()).getIntegration(), output);
        }
        return ExitCodes.OK;
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Switches an integration off: its events are no longer delivered.")
    int disable(@Mixin ServerOptions server, @Mixin OutputOption output, @Parameters(paramLabel = "ID") String id) {
        try (PbxhooksClient client = server.connect()) {
            print(client.integrations().disableIntegration(DisableIntegrationRequest.newBuilder().setId(id).build()).getIntegration(), output);
        }
        return ExitCodes.OK;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes an integration.")
    int delete(@Mixin ServerOptions server, @Parameters(paramLabel = "ID") String id) {
        try (PbxhooksClient client = server.connect()) {
            client.integrations().deleteIntegration(DeleteIntegrationRequest.newBuilder().setId(id).build());
            out().println("Deleted integration " + id + ".");
        }
        return ExitCodes.OK;
    }

    @Command(name = "test", mixinStandardHelpOptions = true, description = {"Sends a sample event to the integration's receiver now (enabled or not) and shows the answer.",
            "Exits 0 only when the receiver accepted it."})
    int test(@Mixin ServerOptions server, @Mixin OutputOption output, @Parameters(paramLabel = "ID") String id) {
        try (PbxhooksClient client = server.connect()) {
            SendTestEventResponse sent = client.integrations().sendTestEvent(SendTestEventRequest.newBuilder().setId(id).build());
            if (output.json()) {
                OutputOption.printJson(sent, out());
            } else {
                out().println("Test delivery " + sent.getDelivery().getId() + ":");
                DeliveryView.printAttempt(sent.getAttempt(), out());
            }
            return sent.getAttempt().getOutcome() == io.pbxhooks.admin.v1.Attempt.Outcome.SUCCEEDED ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private void print(Integration integration, OutputOption output) {
        if (output.json()) {
            OutputOption.printJson(integration, out());
        } else {
            IntegrationView.print(integration, out());
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
