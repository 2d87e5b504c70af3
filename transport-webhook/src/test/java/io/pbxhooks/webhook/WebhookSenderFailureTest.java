package io.pbxhooks.webhook;

import static io.pbxhooks.webhook.TestMessages.answeredCall;
import static io.pbxhooks.webhook.TestMessages.classification;
import static io.pbxhooks.webhook.TestMessages.sendOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.spi.TransportSender;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attempts that get no usable response: all retryable, none taking longer than the configured timeout. */
class WebhookSenderFailureTest {

    private final WebhookTransport transport = new WebhookTransport();
    private TestReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new TestReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DeliveryResult result = send("http://127.0.0.1:" + closedPort + "/hooks", "5000");
        assertEquals(DeliveryResult.retryable(0, null, "connection refused"), classification(result));
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutWithinTheBound() throws Exception {
        receiver.answer(exchange -> sleep(Duration.ofSeconds(30)));
        long started = System.nanoTime();
        DeliveryResult result = send(receiver.url("/slow"), "400");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(DeliveryResult.retryable(0, null, "no complete response within the timeout of 400 ms"), classification(result));
        assertTrue(took.compareTo(Duration.ofMillis(400)) >= 0 && took.compareTo(Duration.ofSeconds(3)) < 0, took::toString);
    }

    @Test
    void aBodyDribbledSlowerThanTheTimeoutIsCutOffToo() throws Exception {
        receiver.answer(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            for (int second = 0; second < 100; second++) {
                body.write('.');
                body.flush();
                sleep(Duration.ofMillis(100));
            }
        });
        long started = System.nanoTime();
        DeliveryResult result = send(receiver.url("/dribble"), "700");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(DeliveryResult.retryable(0, null, "no complete response within the timeout of 700 ms"), classification(result));
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, took::toString);
    }

    @Test
    void aSenderStillWorksAfterATimeout() throws Exception {
        try (TransportSender sender = createSender(receiver.url("/"), "300")) {
            receiver.answer(exchange -> sleep(Duration.ofSeconds(30)));
            assertEquals(0, sendOnce(sender, answeredCall()).statusCode());
            receiver.answer(204, Map.of(), "");
            assertEquals(DeliveryResult.succeeded(204, "HTTP 204 No Content"), classification(sendOnce(sender, answeredCall())));
        }
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsRetryable() throws Exception {
        receiver.answer(exchange -> exchange.getHttpContext().getServer().stop(0));
        DeliveryResult result = send(receiver.url("/"), "5000");
        assertEquals(DeliveryResult.retryable(0, null, "connection closed before a complete response"), classification(result));
    }

    private DeliveryResult send(String url, String timeoutMillis) throws Exception {
        try (TransportSender sender = createSender(url, timeoutMillis)) {
            return sendOnce(sender, answeredCall());
        }
    }

    private TransportSender createSender(String url, String timeoutMillis) {
        return transport.createSender(TestConfig.empty().set("request_url", url).set("timeout", timeoutMillis).build(), TestMessages.CONTEXT);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
