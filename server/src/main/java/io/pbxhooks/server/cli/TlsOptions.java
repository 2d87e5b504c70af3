package io.pbxhooks.server.cli;

import java.nio.file.Path;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --tls} and {@code --tls-ca}: whether to reach the server over TLS, and whom to trust for its certificate. */
public final class TlsOptions {

    @Option(names = "--tls", order = 102, description = "Use TLS, trusting the system's certificate authorities (when the server is behind a TLS proxy).")
    boolean tls;

    @Option(names = "--tls-ca", order = 103, paramLabel = "FILE", defaultValue = "${env:PBXHOOKS_TLS_CA}", showDefaultValue = Visibility.NEVER,
            description = "Use TLS, trusting only the certificate authorities in this PEM file, e.g. a private CA (default: $PBXHOOKS_TLS_CA). Implies --tls.")
    String trustedAuthorities;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Fails as a usage error when the {@code --tls-ca} file cannot be used. */
    public ChannelSecurity security() {
        if (trustedAuthorities != null && !trustedAuthorities.isBlank()) {
            try {
                return ChannelSecurity.trusting(Path.of(trustedAuthorities.trim()));
            } catch (IllegalArgumentException unusable) {
                throw new ParameterException(command.commandLine(), "--tls-ca (or PBXHOOKS_TLS_CA): " + unusable.getMessage() + ".");
            }
        }
        return tls ? ChannelSecurity.SYSTEM_TRUST : ChannelSecurity.PLAINTEXT;
    }

    /** Whether {@code --tls} or {@code --tls-ca} was typed (the variable left aside). */
    public boolean given() {
        return command.commandLine().getParseResult().hasMatchedOption("--tls") || command.commandLine().getParseResult().hasMatchedOption("--tls-ca");
    }
}
