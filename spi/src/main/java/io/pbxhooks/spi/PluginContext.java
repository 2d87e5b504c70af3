package io.pbxhooks.spi;

import java.time.Clock;

/** What the host gives a plugin: deliberately narrow, each method a default so it can grow. */
public interface PluginContext {

    default Clock clock() {
        return Clock.systemUTC();
    }

    default System.Logger logger(String name) {
        return System.getLogger(name);
    }
}
