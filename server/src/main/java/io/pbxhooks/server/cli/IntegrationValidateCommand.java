package io.pbxhooks.server.cli;

import com.google.rpc.BadRequest;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.ValidateIntegrationRequest;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks an integration without saving it: as 'create' would (or, with --id, as 'update' would) and",
                "lists every problem, one field per line. Exits 0 when it is valid, 5 when not."})
final class IntegrationValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Mixin
    IntegrationSettingsOptions settings;

    @Option(names = "--id", paramLabel = "ID", order = 0, description = "Check these changes to this stored integration.")
    String id;

    @Override
    public Integer call() {
        try (PbxhooksClient client = server.connect()) {
            Integration.Builder integration;
            if (id == null) {
                integration = IntegrationCreateCommand.withDefaults(settings.apply(Integration.getDefaultInstance()));
            } else {
                Integration stored = client.integrations().getIntegration(GetIntegrationRequest.newBuilder().setId(id).build()).getIntegration();
                integration = settings.apply(stored).setId(stored.getId()).setEtag(stored.getEtag());
            }
            List<BadRequest.FieldViolation> violations = client.integrations()
                    .validateIntegration(ValidateIntegrationRequest.newBuilder().setIntegration(integration).build()).getViolationsList();
            PrintWriter out = spec.commandLine().getOut();
            if (violations.isEmpty()) {
                out.println("Valid.");
                return ExitCodes.OK;
            }
            ErrorReporter.printViolations("Invalid", violations, out);
            return ExitCodes.INVALID;
        }
    }
}
