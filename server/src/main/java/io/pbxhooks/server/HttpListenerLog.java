package io.pbxhooks.server;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Singleton
class HttpListenerLog {

    private static final Logger LOG = LoggerFactory.getLogger(HttpListenerLog.class);

    @EventListener
    void onStartup(ServerStartupEvent event) {
        LOG.info("HTTP listening on port {} (health: /health)", event.getSource().getPort());
    }
}
