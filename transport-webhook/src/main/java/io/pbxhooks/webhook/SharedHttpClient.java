package io.pbxhooks.webhook;

import static java.util.Objects.requireNonNull;

import io.micronaut.http.client.HttpClient;
import io.pbxhooks.spi.DestinationPolicy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One HTTP client (one connection pool, one set of event-loop threads) for all the senders of a transport, made
 * when the first sender needs it and closed when the last one closes. The SPI gives transports no close of their
 * own, so the senders' leases are what ends it. The destination policy is built into a client's resolver, so senders
 * under different policies get different clients; a host normally has one policy.
 */
final class SharedHttpClient {

    private static final class Shared {
        private final HttpClient client;
        private int leases;

        private Shared(HttpClient client) {
            this.client = client;
        }
    }

    private final Function<DestinationPolicy, HttpClient> factory;
    private final Map<DestinationPolicy, Shared> clients = new HashMap<>();

    SharedHttpClient(Function<DestinationPolicy, HttpClient> factory) {
        this.factory = requireNonNull(factory, "factory is null");
    }

    synchronized Lease lease(DestinationPolicy policy) {
        requireNonNull(policy, "policy is null");
        Shared shared = clients.computeIfAbsent(policy, absent -> new Shared(factory.apply(policy)));
        shared.leases++;
        return new Lease(policy, shared.client);
    }

    synchronized boolean isOpen() {
        return !clients.isEmpty();
    }

    private synchronized void release(DestinationPolicy policy) {
        Shared shared = clients.get(policy);
        shared.leases--;
        if (shared.leases == 0) {
            clients.remove(policy);
            shared.client.close();
        }
    }

    /** A sender's use of the client; closing it more than once releases it once. */
    final class Lease implements AutoCloseable {
        private final DestinationPolicy policy;
        private final HttpClient leased;
        private boolean released;

        private Lease(DestinationPolicy policy, HttpClient leased) {
            this.policy = policy;
            this.leased = leased;
        }

        HttpClient client() {
            return leased;
        }

        @Override
        public void close() {
            synchronized (SharedHttpClient.this) {
                if (!released) {
                    released = true;
                    release(policy);
                }
            }
        }
    }
}
