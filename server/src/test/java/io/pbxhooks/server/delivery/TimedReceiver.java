package io.pbxhooks.server.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WireMock receiver on a port of its own, so a destination of its own, that gives every request the same answer
 * and notes when each arrived. Many threads, so that requests it holds (hanging, dribbling) do not queue the others.
 */
final class TimedReceiver implements AutoCloseable {

    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger completed = new AtomicInteger();
    private final WireMockServer server;

    TimedReceiver(ResponseDefinitionBuilder answer) {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(200).disableRequestJournal()
                .extensions(new ServeEventListener() {
                    @Override
                    public String getName() {
                        return "arrival-times";
                    }

                    @Override
                    public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
                        arrivals.add(System.nanoTime());
                    }

                    @Override
                    public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
                        completed.incrementAndGet();
                    }

                    @Override
                    public boolean applyGlobally() {
                        return true;
                    }
                }));
        server.start();
        answer(answer);
    }

    /** From now on, every request gets {@code answer}; requests already held keep theirs. */
    void answer(ResponseDefinitionBuilder answer) {
        server.resetMappings();
        server.stubFor(any(anyUrl()).willReturn(answer));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    int count() {
        return arrivals.size();
    }

    /** Requests that arrived and have not been answered yet. */
    int inProgress() {
        return arrivals.size() - completed.get();
    }

    /** {@link System#nanoTime()} of every arrival, in order. */
    List<Long> arrivalTimes() {
        return List.copyOf(arrivals);
    }

    /** Forgets the arrivals; call it while no request is in progress, or {@link #inProgress} is off by those. */
    void clear() {
        arrivals.clear();
        completed.set(0);
    }

    @Override
    public void close() {
        server.stop();
    }
}
