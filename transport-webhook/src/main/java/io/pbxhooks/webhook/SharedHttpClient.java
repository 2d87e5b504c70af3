package io.pbxhooks.webhook;

import static java.util.Objects.requireNonNull;

import io.micronaut.http.client.netty.DefaultHttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One HTTP client (one connection pool, one set of event-loop threads) for all the senders of a transport, made
 * when the first sender needs it and closed when the last one closes. The SPI gives transports no close of their
 * own, so the senders' leases are what ends it. The destination policy and the trusted authorities are built into a
 * client, so senders under different {@link ClientSettings} get different clients; a host normally has one set.
 */
final class SharedHttpClient {

    private static final class Shared {
        private final DefaultHttpClient client;
        private int leases;

        private Shared(DefaultHttpClient client) {
            this.client = client;
        }
    }

    private final Function<ClientSettings, DefaultHttpClient> factory;
    private final Map<ClientSettings, Shared> clients = new HashMap<>();

    SharedHttpClient(Function<ClientSettings, DefaultHttpClient> factory) {
        this.factory = requireNonNull(factory, "factory is null");
    }

    synchronized Lease lease(ClientSettings settings) {
        requireNonNull(settings, "settings is null");
        Shared shared = clients.computeIfAbsent(settings, absent -> new Shared(factory.apply(settings)));
        shared.leases++;
        return new Lease(settings, shared.client);
    }

    synchronized boolean isOpen() {
        return !clients.isEmpty();
    }

    private synchronized void release(ClientSettings settings) {
        Shared shared = clients.get(settings);
        shared.leases--;
        if (shared.leases == 0) {
            clients.remove(settings);
            shared.client.close();
        }
    }

    /** A sender's use of the client; closing it more than once releases it once. */
    final class Lease implements AutoCloseable {
        private final ClientSettings settings;
        private final DefaultHttpClient leased;
        private boolean released;

        private Lease(ClientSettings settings, DefaultHttpClient leased) {
            this.settings = settings;
            this.leased = leased;
        }

        DefaultHttpClient client() {
            return leased;
        }

        @Override
        public void close() {
            synchronized (SharedHttpClient.this) {
                if (!released) {
                    released = true;
                    release(settings);
                }
            }
        }
    }
}
