package io.pbxhooks.server.cli;

import io.pbxhooks.server.cli.demo.DemoCommand;
import io.pbxhooks.server.cli.simulation.SimulateCommand;
import io.pbxhooks.admin.v1.Webhook;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code pbxhooks} command line: {@code bin/pbxhooks <command> ...}. */
@Command(name = "pbxhooks", mixinStandardHelpOptions = true,
        description = {"Administers a pbxhooks server over its gRPC admin API, simulates PBX calls, runs a one-minute demo.",
                "Commands that talk to a server take --server HOST:PORT and --key KEY",
                "(or $PBXHOOKS_SERVER and $PBXHOOKS_KEY)."},
        subcommands = {AccountsCommand.class, KeysCommand.class, CatalogueCommand.class, IntegrationsCommand.class,
                DeliveriesCommand.class, SimulateCommand.class, DemoCommand.class, CompletionCommand.class},
        footer = {"", "Start with: pbxhooks demo"})
public final class PbxhooksCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a command, e.g. 'pbxhooks demo'.");
    }

    public static void main(String[] args) {
        // The embedded server of 'demo' logs through logback: keep its INFO lines out of the demo's output.
        if (System.getenv("PBXHOOKS_LOG_LEVEL") == null && System.getProperty("PBXHOOKS_LOG_LEVEL") == null) {
            System.setProperty("PBXHOOKS_LOG_LEVEL", "WARN");
        }
        System.exit(commandLine().execute(args));
    }

    /** The whole command tree with its error handling and help; tests run it with {@link CommandLine#execute}. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new PbxhooksCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        ProtoEnumConverter.register(commandLine, Webhook.Method.class);
        ProtoEnumConverter.register(commandLine, Webhook.Format.class);
        ProtoEnumConverter.register(commandLine, Webhook.Auth.Type.class);
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setParameterExceptionHandler(new UsageErrorReporter());
        commandLine.setUsageHelpAutoWidth(true);
        addStandardHelp(commandLine);
        return commandLine;
    }

    /** Every command (each declares --help and --version) lists the exit codes. */
    private static void addStandardHelp(CommandLine command) {
        command.getCommandSpec().versionProvider(() -> new String[] {"pbxhooks " + version()});
        command.getCommandSpec().usageMessage().abbreviateSynopsis(true).exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.descriptions());
        command.getSubcommands().values().forEach(PbxhooksCommand::addStandardHelp);
    }

    static String version() {
        String version = PbxhooksCommand.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
