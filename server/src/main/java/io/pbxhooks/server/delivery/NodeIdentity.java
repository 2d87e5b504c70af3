package io.pbxhooks.server.delivery;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.UUID;

/** This node's name in delivery leases: {@code pbxhooks.node-id}, or a random one per start. */
@Singleton
public class NodeIdentity {

    private final String id;

    NodeIdentity(@Value("${pbxhooks.node-id:}") String configured) {
        this.id = configured.isBlank() ? "node-" + UUID.randomUUID().toString().substring(0, 8) : configured;
    }

    public String id() {
        return id;
    }
}
