package io.pbxhooks.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook receiver: the JDK's HTTP server on a thread pool, answering 204 at once. For each request it notes the
 * arrival time against the event it carries ({@code "call":"bench-<sequence>"} in the body) and counts it. Its CPU time
 * is that of its own threads, measured inside this JVM.
 */
final class Receiver implements AutoCloseable {

    /** Told of each arrival: the event's sequence number (-1 when the body names none) and System.nanoTime(). */
    @FunctionalInterface
    interface Arrivals {
        void arrived(long eventSequence, long arrivalNanos);
    }

    private static final byte[] MARKER = "\"call\":\"bench-".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final HttpServer server;
    private final ExecutorService workers;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private volatile Arrivals arrivals = (sequence, nanos) -> { };

    Receiver(int threadCount) throws IOException {
        AtomicInteger number = new AtomicInteger();
        workers = Executors.newFixedThreadPool(threadCount, task -> {
            Thread thread = new Thread(task, "bench-receiver-" + number.incrementAndGet());
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
        // The server's own dispatcher thread accepts connections and parses request heads: it counts too.
        Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("HTTP-Dispatcher")).forEach(threads::add);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void listen(Arrivals listener) {
        this.arrivals = listener;
    }

    long requests() {
        return requests.get();
    }

    /** CPU seconds of the receiver's threads so far. */
    double cpuSeconds() {
        long nanos = 0;
        for (Thread thread : threads) {
            long used = THREADS.getThreadCpuTime(thread.getId());
            nanos += Math.max(0, used);
        }
        return nanos / 1e9;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrival = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        requests.incrementAndGet();
        arrivals.arrived(sequenceIn(body), arrival);
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    static long sequenceIn(byte[] body) {
        outer:
        for (int start = 0; start + MARKER.length <= body.length; start++) {
            for (int index = 0; index < MARKER.length; index++) {
                if (body[start + index] != MARKER[index]) {
                    continue outer;
                }
            }
            long sequence = 0;
            int digits = 0;
            for (int index = start + MARKER.length; index < body.length && Character.isDigit(body[index]); index++, digits++) {
                sequence = sequence * 10 + (body[index] - '0');
            }
            return digits == 0 ? -1 : sequence;
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
