package io.pbxhooks.server.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a bash (and zsh) completion script for pbxhooks.",
                "Load it with: source <(bin/pbxhooks completion)"})
final class CompletionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(AutoComplete.bash("pbxhooks", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
    }
}
