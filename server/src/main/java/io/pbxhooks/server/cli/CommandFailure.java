package io.pbxhooks.server.cli;

/** A failure the command explains itself: the message is printed as it is and the command exits with {@code exitCode}. */
public final class CommandFailure extends RuntimeException {

    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
