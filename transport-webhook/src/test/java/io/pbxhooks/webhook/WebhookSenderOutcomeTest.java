package io.pbxhooks.webhook;

import static io.pbxhooks.webhook.TestMessages.answeredCall;
import static io.pbxhooks.webhook.TestMessages.classification;
import static io.pbxhooks.webhook.TestMessages.sendOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.model.DeliveryResult.Outcome;
import io.pbxhooks.spi.TransportSender;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How each answer of a real receiver is classified. */
class WebhookSenderOutcomeTest {

    /** A body no attempt may read whole: the receiver stops writing here only if the sender never hangs up. */
    private static final long ENDLESS = 1024L * 1024 * 1024;

    private static TestReceiver receiver;
    private static final WebhookTransport transport = new WebhookTransport();

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new TestReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        receiver.clear();
    }

    @ParameterizedTest
    @CsvSource({"200, SUCCEEDED", "201, SUCCEEDED", "202, SUCCEEDED", "204, SUCCEEDED",
            "400, PERMANENT", "401, PERMANENT", "403, PERMANENT", "404, PERMANENT", "410, PERMANENT", "422, PERMANENT",
            "408, RETRYABLE", "425, RETRYABLE", "429, RETRYABLE", "500, RETRYABLE", "502, RETRYABLE", "503, RETRYABLE", "504, RETRYABLE"})
    void classifiesEachStatus(int status, Outcome expected) throws Exception {
        receiver.answer(status, Map.of(), "");
        DeliveryResult result = send(TestConfig.minimal());
        assertEquals(expected, result.outcome(), result::toString);
        assertEquals(status, result.statusCode());
        assertTrue(result.detail().startsWith("HTTP " + status), result.detail());
        assertEquals(1, receiver.received().size(), "exactly one attempt");
    }

    @Test
    void describesTheStatusAndTheStartOfTheBody() throws Exception {
        receiver.answer(503, Map.of(), "maintenance\nback soon");
        assertEquals(DeliveryResult.retryable(503, null, "HTTP 503 Service Unavailable: maintenance back soon"), classification(send(TestConfig.minimal())));
        receiver.answer(410, Map.of("Content-Type", "application/json"), "{\"error\":\"endpoint deleted\"}");
        assertEquals(DeliveryResult.permanent(410, "HTTP 410 Gone: {\"error\":\"endpoint deleted\"}"), classification(send(TestConfig.minimal())));
    }

    @Test
    void doesNotFollowARedirect() throws Exception {
        receiver.answer(301, Map.of("Location", receiver.url("/moved")), "");
        DeliveryResult result = send(TestConfig.minimal());
        assertEquals(Outcome.PERMANENT, result.outcome());
        assertEquals(301, result.statusCode());
        assertEquals("HTTP 301 Moved Permanently (redirects are not followed: set the request URL to the new location)", result.detail());
        assertEquals(List.of("/hooks"), receiver.received().stream().map(TestReceiver.Received::pathAndQuery).toList());
    }

    @Test
    void passesOnRetryAfterInSeconds() throws Exception {
        receiver.answer(429, Map.of("Retry-After", "120"), "");
        assertEquals(DeliveryResult.retryable(429, Duration.ofSeconds(120), "HTTP 429 Too Many Requests"), classification(send(TestConfig.minimal())));
    }

    @Test
    void passesOnRetryAfterAsAnHttpDate() throws Exception {
        receiver.answer(503, Map.of("Retry-After", "Mon, 06 May 2024 07:09:39 GMT"), "");
        assertEquals(Duration.ofSeconds(90), send(TestConfig.minimal()).retryAfter());
    }

    @Test
    void blanksCredentialsTheReceiverEchoes() throws Exception {
        receiver.answer(401, Map.of(), "token Sup3rS3cretT0ken is not valid");
        DeliveryResult result = send(TestConfig.minimal().set("auth.type", "TOKEN").set("auth.token", "Sup3rS3cretT0ken"));
        assertEquals("HTTP 401 Unauthorized: token ******** is not valid", result.detail());
    }

    @Test
    void keepsOnlyTheStartOfALongBody() throws Exception {
        receiver.answer(500, Map.of(), "x".repeat(5000));
        assertEquals("HTTP 500 Internal Server Error: " + "x".repeat(200) + "…", send(TestConfig.minimal()).detail());
    }

    @Test
    void aSuccessWithABodyFarLargerThanTheClientBuffersSucceedsWithTheStartOfItsBody() throws Exception {
        receiver.answer(200, Map.of(), "y".repeat(5 * HttpClients.MAXIMUM_BUFFERED_RESPONSE_BYTES));
        DeliveryResult result = send(TestConfig.minimal());
        assertEquals(DeliveryResult.succeeded(200, "HTTP 200 OK"), classification(result));
        assertEquals("y".repeat(ResponseExcerpt.MAXIMUM_LENGTH - 1) + "…", result.exchangeIfAny().orElseThrow().responseExcerpt());
    }

    @Test
    void aServerErrorWithALargeBodyIsRetryableWithTheStartOfItsBody() throws Exception {
        receiver.answer(500, Map.of("Retry-After", "30"), "e".repeat(5 * HttpClients.MAXIMUM_BUFFERED_RESPONSE_BYTES));
        DeliveryResult result = send(TestConfig.minimal());
        assertEquals(DeliveryResult.retryable(500, Duration.ofSeconds(30), "HTTP 500 Internal Server Error: " + "e".repeat(200) + "…"), classification(result));
        assertEquals("e".repeat(ResponseExcerpt.MAXIMUM_LENGTH - 1) + "…", result.exchangeIfAny().orElseThrow().responseExcerpt());
    }

    @Test
    void anEndlessBodyIsReadOnlyAsFarAsTheExcerptAndThenTheConnectionIsClosed() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch stopped = new CountDownLatch(1);
        receiver.answer(exchange -> {
            byte[] block = "z".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(202, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                while (written.get() < ENDLESS) {
                    body.write(block);
                    written.addAndGet(block.length);
                }
            } catch (IOException closedByTheSender) {
                stopped.countDown();
            }
        });
        DeliveryResult result = send(TestConfig.minimal());
        assertEquals(DeliveryResult.succeeded(202, "HTTP 202 Accepted"), classification(result));
        assertEquals(ResponseExcerpt.MAXIMUM_LENGTH, result.exchangeIfAny().orElseThrow().responseExcerpt().length());
        assertTrue(stopped.await(10, TimeUnit.SECONDS), "the receiver could still write after " + written.get() + " bytes");
        // What the receiver wrote is at most what the sockets' buffers and the client's buffer hold, far from the whole body.
        assertTrue(written.get() < ENDLESS / 8, written.get() + " bytes written");
    }

    @Test
    void neverRepeatsAnAnswerAsPartOfAnother() throws Exception {
        receiver.answer(500, Map.of(), "first");
        assertEquals("HTTP 500 Internal Server Error: first", send(TestConfig.minimal()).detail());
        receiver.answer(200, Map.of(), "second");
        assertFalse(send(TestConfig.minimal()).detail().contains("first"));
    }

    private static DeliveryResult send(TestConfig config) throws Exception {
        try (TransportSender sender = transport.createSender(config.set("request_url", receiver.url("/hooks")).build(), TestMessages.CONTEXT)) {
            return sendOnce(sender, answeredCall());
        }
    }
}
