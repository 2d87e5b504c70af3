package io.pbxhooks.server.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The webhook receiver: a WireMock server on a free port that answers 200 unless a test stubs otherwise, and keeps
 * every request in the order it arrived (WireMock's own journal orders by completion, and a delayed response
 * completes late). Tests share one receiver and tell their requests apart by a path prefix of their own.
 */
final class Receiver implements AutoCloseable {

    static final String DEFAULT_BODY = "thanks";

    private final List<LoggedRequest> arrivals = new CopyOnWriteArrayList<>();
    private final WireMockServer server;

    Receiver() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(new ServeEventListener() {
            @Override
            public String getName() {
                return "arrival-order";
            }

            @Override
            public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
                arrivals.add(serveEvent.getRequest());
            }

            @Override
            public boolean applyGlobally() {
                return true;
            }
        }));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(ok(DEFAULT_BODY)));
    }

    /** The absolute URL of {@code pathAndQuery} on this receiver. */
    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.port() + pathAndQuery;
    }

    int port() {
        return server.port();
    }

    StubMapping stubFor(MappingBuilder stub) {
        return server.stubFor(stub);
    }

    void removeStub(StubMapping stub) {
        server.removeStub(stub);
    }

    /** The requests whose path and query start with {@code prefix}, in arrival order. */
    List<LoggedRequest> requests(String prefix) {
        return arrivals.stream().filter(request -> request.getUrl().startsWith(prefix)).toList();
    }

    /** How many of the requests under {@code prefix} were answered with {@code status}. */
    long answeredWith(String prefix, int status) {
        return server.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(prefix) && event.getResponse().getStatus() == status).count();
    }

    /** Waits until at least {@code count} requests under {@code prefix} have arrived; returns them all. */
    List<LoggedRequest> awaitRequests(String prefix, int count) {
        return Eventually.await(count + " requests under " + prefix, () -> requests(prefix), requests -> requests.size() >= count);
    }

    /** The text value of a top-level key of a JSON request body, e.g. the "call" of a webhook's payload. */
    static String bodyField(LoggedRequest request, String key) {
        return request.getBodyAsString().replaceAll(".*\"" + key + "\":\"([^\"]*)\".*", "$1");
    }

    @Override
    public void close() {
        server.stop();
    }
}
