package io.pbxhooks.webhook;

import static java.util.Objects.requireNonNull;

import io.micronaut.http.client.HttpClient;
import java.util.function.Supplier;

/**
 * One HTTP client (one connection pool, one set of event-loop threads) for all the senders of a transport, made
 * when the first sender needs it and closed when the last one closes. The SPI gives transports no close of their
 * own, so the senders' leases are what ends it.
 */
final class SharedHttpClient {

    private final Supplier<HttpClient> factory;
    private HttpClient client;
    private int leases;

    SharedHttpClient(Supplier<HttpClient> factory) {
        this.factory = requireNonNull(factory, "factory is null");
    }

    synchronized Lease lease() {
        if (leases == 0) {
            client = factory.get();
        }
        leases++;
        return new Lease(client);
    }

    synchronized boolean isOpen() {
        return client != null;
    }

    private synchronized void release() {
        leases--;
        if (leases == 0) {
            client.close();
            client = null;
        }
    }

    /** A sender's use of the client; closing it more than once releases it once. */
    final class Lease implements AutoCloseable {
        private final HttpClient leased;
        private boolean released;

        private Lease(HttpClient leased) {
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
                    release();
                }
            }
        }
    }
}
