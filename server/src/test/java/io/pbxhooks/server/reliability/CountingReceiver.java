package io.pbxhooks.server.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhook receiver of the reliability tests: a JDK HTTP server (light enough for thousands of requests a second,
 * no journal to grow) that answers 200 to everything and keeps every arrival: its {@code webhook-id}, the path (which
 * names the integration) and the call UUID the integration maps into the body under {@code "call"}. Optionally it
 * holds each response for a while, so that many deliveries are in flight at once.
 */
final class CountingReceiver implements AutoCloseable {

    /** One request as it arrived; {@code nanos} is {@link System#nanoTime()}, {@code wallMillis} the wall clock. */
    record Arrival(String webhookId, String path, String callUuid, long nanos, long wallMillis) {
        String reference() {
            return path + " " + callUuid;
        }
    }

    private static final Pattern CALL = Pattern.compile("\"call\"\\s*:\\s*\"([^\"]+)\"");

    private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final HttpServer server;
    private volatile long holdMillis;

    CountingReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/", this::receive);
        server.setExecutor(handlers);
        server.start();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            Matcher call = CALL.matcher(text);
            arrivals.add(new Arrival(exchange.getRequestHeaders().getFirst("webhook-id"), exchange.getRequestURI().getPath(),
                    call.find() ? call.group(1) : null, System.nanoTime(), System.currentTimeMillis()));
            count.incrementAndGet();
            if (holdMillis > 0) {
                ServerProcess.sleep(holdMillis);
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** The URL of an integration's receiving path, e.g. {@code /hooks/acct-1/answered-2}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Holds every response this long from now on (0: answer at once). */
    void holdResponses(long millis) {
        holdMillis = millis;
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    int count() {
        return count.get();
    }

    /** When the first request at or after {@code nanos} ({@link System#nanoTime()}) arrived, if one has. */
    OptionalLong firstArrivalAfter(long nanos) {
        return arrivals.stream().mapToLong(Arrival::nanos).filter(time -> time >= nanos).min();
    }

    /** How often each webhook-id arrived. */
    Map<String, Integer> timesByWebhookId() {
        Map<String, Integer> times = new HashMap<>();
        arrivals.forEach(arrival -> times.merge(arrival.webhookId(), 1, Integer::sum));
        return times;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
