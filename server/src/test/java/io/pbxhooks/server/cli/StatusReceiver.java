package io.pbxhooks.server.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on 127.0.0.1 that answers every request with the status it is told to, and counts them. */
final class StatusReceiver implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger status;
    private final AtomicInteger requests = new AtomicInteger();

    private StatusReceiver(HttpServer server, int status) {
        this.server = server;
        this.status = new AtomicInteger(status);
    }

    static StatusReceiver answering(int status) {
        try {
            StatusReceiver receiver = new StatusReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), status);
            receiver.server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                receiver.requests.incrementAndGet();
                int answer = receiver.status.get();
                exchange.sendResponseHeaders(answer, answer == 204 ? -1 : 0);
                exchange.close();
            });
            receiver.server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on answer with {@code status}. */
    void answer(int status) {
        this.status.set(status);
    }

    int requests() {
        return requests.get();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
