package io.pbxhooks.server.plugin;

/** A plugin problem that must stop the server from starting: the message tells the operator what to fix. */
public class PluginLoadingException extends RuntimeException {

    public PluginLoadingException(String message) {
        super(message);
    }

    public PluginLoadingException(String message, Throwable cause) {
        super(message, cause);
    }
}
