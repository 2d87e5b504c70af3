package io.pbxhooks.server.cli.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on 127.0.0.1 that prints each request as it arrives (method, path, headers, body), answers 204,
 * and counts the requests by the last segment of their path (the demo sends each event type to its own path).
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "pbxhooks-demo-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final PrintWriter out;
    private final Map<String, Integer> received = new TreeMap<>();
    private int total;

    private WebhookReceiver(PrintWriter out) throws IOException {
        this.out = out;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    static WebhookReceiver start(PrintWriter out) throws IOException {
        return new WebhookReceiver(out);
    }

    /** The base URL the demo's integrations send to. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            StringBuilder printed = new StringBuilder("<- " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n");
            new TreeMap<>(exchange.getRequestHeaders()).forEach((name, values) -> printed.append(headerLines(name, values)));
            printed.append("   ").append(body).append("\n");
            synchronized (this) {
                out.print(printed);
                out.flush();
                received.merge(path.substring(path.lastIndexOf('/') + 1), 1, Integer::sum);
                total++;
                notifyAll();
            }
            exchange.sendResponseHeaders(204, -1);
        } finally {
            exchange.close();
        }
    }

    private static String headerLines(String name, List<String> values) {
        StringBuilder lines = new StringBuilder();
        values.forEach(value -> lines.append("   ").append(name.toLowerCase(java.util.Locale.ROOT)).append(": ").append(value).append("\n"));
        return lines.toString();
    }

    /** Waits until at least {@code expected} requests have arrived; false when {@code timeout} ran out first. */
    synchronized boolean awaitTotal(int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (total < expected) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return false;
            }
            wait(leftMillis);
        }
        return true;
    }

    /** Requests received so far by event type (path segment). */
    synchronized Map<String, Integer> received() {
        return new TreeMap<>(received);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
