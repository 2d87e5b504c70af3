package io.pbxhooks.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Runs the {@code pbxhooks} command line in this JVM as a user would type it, capturing what it prints. */
final class Cli {

    record Run(int exitCode, String out, String err) {

        /** For assertion messages: everything the command said. */
        String transcript() {
            return "exit code " + exitCode + "\n--- standard output:\n" + out + "--- standard error:\n" + err;
        }

        /** The value of a {@code Label: value} line of the output. */
        String detail(String label) {
            Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(label) + ":\\s+(.*)$").matcher(out);
            if (!matcher.find()) {
                throw new AssertionError("no '" + label + ":' line in\n" + transcript());
            }
            return matcher.group(1).trim();
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = PbxhooksCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
