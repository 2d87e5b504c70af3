package io.pbxhooks.server.cli;

import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the server is and which API key to send: the options of every command that talks to a server. */
public final class ServerOptions {

    @Option(names = "--server", order = 100, paramLabel = "HOST:PORT", defaultValue = "${env:PBXHOOKS_SERVER:-127.0.0.1:50051}",
            description = "The server's gRPC address (default: $PBXHOOKS_SERVER, else ${DEFAULT-VALUE}).")
    String server;

    @Option(names = "--key", order = 101, paramLabel = "KEY", defaultValue = "${env:PBXHOOKS_KEY}", showDefaultValue = Visibility.NEVER,
            description = "The API key (default: $PBXHOOKS_KEY; prefer the variable: a key on the command line shows in the process list).")
    String key;

    @Mixin
    TlsOptions tls;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Connects to the server; fails as a usage error when no key was given. */
    public PbxhooksClient connect() {
        if (key == null || key.isBlank()) {
            throw new ParameterException(command.commandLine(), "No API key: pass --key or set PBXHOOKS_KEY.");
        }
        return PbxhooksClient.connect(address(), tls.security(), key.trim());
    }

    String address() {
        String address = server.trim();
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1 || !address.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            throw new ParameterException(command.commandLine(), "--server must be HOST:PORT, e.g. 127.0.0.1:50051 (got '" + server + "').");
        }
        return address;
    }
}
