package io.pbxhooks.webhook;

import static io.pbxhooks.webhook.TestMessages.answeredCall;
import static io.pbxhooks.webhook.TestMessages.sendOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.model.Exchange;
import io.pbxhooks.spi.TransportSender;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the attempt log gets from a real exchange: the request as sent and the response, credentials blanked out. */
class WebhookSenderExchangeTest {

    private static final String TOKEN = "tok_9f8e7d6c5b4a";
    private static final String PASSWORD = "pässwörd-42";
    private static final String SIGNING_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

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

    @Test
    void showsTheRequestAsSentWithTheTokenTheApiKeyAndTheSignatureRedacted() throws Exception {
        Exchange exchange = send(TestConfig.empty().set("request_url", receiver.url("/hooks")).set("path_arguments", "calls")
                .set("auth.type", "TOKEN").set("auth.token", TOKEN).set("signing_secret", SIGNING_SECRET)
                .header("X-Source", "pbx").header("X-Api-Key", "k-123456"));
        TestReceiver.Received received = receiver.onlyRequest();
        assertEquals("POST " + receiver.url("/hooks/calls") + "\n"
                + "User-Agent: " + UserAgent.VALUE + "\n"
                + "Content-Type: application/json\n"
                + "Authorization: ********\n"
                + "X-Source: pbx\n"
                + "X-Api-Key: ********\n"
                + "webhook-id: dlv_01HXYZ\n"
                + "webhook-timestamp: " + TestMessages.SENT_AT.getEpochSecond() + "\n"
                + "webhook-signature: ********\n"
                + "\n"
                + WebhookSenderRequestTest.JSON_BODY, exchange.request());
        assertEquals(received.bodyText(), exchange.request().substring(exchange.request().indexOf("\n\n") + 2), "the body as sent");
        assertFalse(exchange.request().contains(TOKEN));
        assertFalse(exchange.request().contains(SIGNING_SECRET.substring("whsec_".length())));
        assertFalse(exchange.request().contains(received.header("webhook-signature").substring("v1,".length())));
        assertFalse(exchange.request().contains("k-123456"));
    }

    @Test
    void basicCredentialsAppearNowhereInTheRequestShown() throws Exception {
        Exchange exchange = send(TestConfig.empty().set("request_url", receiver.url("/form")).set("format", "QUERY")
                .set("auth.type", "BASIC").set("auth.username", "pbx").set("auth.password", PASSWORD));
        String credentials = Base64.getEncoder().encodeToString(("pbx:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + credentials, receiver.onlyRequest().header("Authorization"), "sent in clear to the receiver");
        assertTrue(exchange.request().startsWith("POST " + receiver.url("/form") + "\n"), exchange.request());
        assertTrue(exchange.request().contains("\nAuthorization: ********\n"), exchange.request());
        assertTrue(exchange.request().endsWith("\n\n" + WebhookSenderRequestTest.QUERY), exchange.request());
        assertFalse(exchange.request().contains(PASSWORD));
        assertFalse(exchange.request().contains(credentials));
    }

    @Test
    void aGetShowsThePayloadInTheUrlAndNoBody() throws Exception {
        Exchange exchange = send(TestConfig.empty().set("request_url", receiver.url("/legacy?source=pbx")).set("method", "GET").set("format", "QUERY"));
        assertEquals("GET " + receiver.url("/legacy?source=pbx&" + WebhookSenderRequestTest.QUERY) + "\n"
                + "User-Agent: " + UserAgent.VALUE + "\n"
                + "webhook-id: dlv_01HXYZ\n"
                + "webhook-timestamp: " + TestMessages.SENT_AT.getEpochSecond() + "\n", exchange.request());
    }

    @Test
    void anAuthorizationHeaderAddedByHandIsRedactedToo() throws Exception {
        Exchange exchange = send(TestConfig.empty().set("request_url", receiver.url("/")).header("Authorization", "Custom abc-secret"));
        assertTrue(exchange.request().contains("\nAuthorization: ********\n"), exchange.request());
        assertFalse(exchange.request().contains("abc-secret"));
    }

    @Test
    void keepsTheResponseHeadersAndTheStartOfTheBodyWithEchoedCredentialsBlanked() throws Exception {
        receiver.answer(401, Map.of("X-Request-Id", "req-77", "WWW-Authenticate", "Bearer error=\"" + TOKEN + " expired\""),
                "{\n  \"error\": \"token " + TOKEN + " expired\",\n  \"hint\": \"check " + SIGNING_SECRET + "\"\n}");
        Exchange exchange = send(TestConfig.empty().set("request_url", receiver.url("/")).set("auth.type", "TOKEN").set("auth.token", TOKEN)
                .set("signing_secret", SIGNING_SECRET));
        assertEquals(List.of("req-77"), header(exchange, "X-Request-Id"));
        assertEquals(List.of("Bearer error=\"******** expired\""), header(exchange, "WWW-Authenticate"));
        assertEquals("{\n  \"error\": \"token ******** expired\",\n  \"hint\": \"check ********\"\n}", exchange.responseExcerpt());
    }

    @Test
    void theExcerptIsAtMostOneKibibyte() throws Exception {
        receiver.answer(500, Map.of(), "z".repeat(5000));
        String excerpt = send(TestConfig.minimal().set("request_url", receiver.url("/"))).responseExcerpt();
        assertEquals(ResponseExcerpt.MAXIMUM_LENGTH, excerpt.length());
        assertEquals("z".repeat(ResponseExcerpt.MAXIMUM_LENGTH - 1) + "…", excerpt);
    }

    @Test
    void anAttemptWithoutAResponseStillShowsItsRequest() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DeliveryResult result;
        try (TransportSender sender = transport.createSender(TestConfig.empty().set("request_url", "http://127.0.0.1:" + closedPort + "/hooks")
                .set("auth.type", "TOKEN").set("auth.token", TOKEN).build(), TestMessages.CONTEXT)) {
            result = sendOnce(sender, answeredCall());
        }
        Exchange exchange = result.exchangeIfAny().orElseThrow();
        assertTrue(exchange.request().startsWith("POST http://127.0.0.1:" + closedPort + "/hooks\n"), exchange.request());
        assertFalse(exchange.request().contains(TOKEN));
        assertEquals(Map.of(), exchange.responseHeaders());
        assertEquals("", exchange.responseExcerpt());
    }

    private static List<String> header(Exchange exchange, String name) {
        return exchange.responseHeaders().entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError(name + " missing from " + exchange.responseHeaders()));
    }

    private static Exchange send(TestConfig config) throws Exception {
        try (TransportSender sender = transport.createSender(config.build(), TestMessages.CONTEXT)) {
            return sendOnce(sender, answeredCall()).exchangeIfAny().orElseThrow();
        }
    }
}
