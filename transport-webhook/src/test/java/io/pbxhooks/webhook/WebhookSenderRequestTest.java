package io.pbxhooks.webhook;

import static io.pbxhooks.webhook.TestMessages.answeredCall;
import static io.pbxhooks.webhook.TestMessages.classification;
import static io.pbxhooks.webhook.TestMessages.sendOnce;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.spi.TransportSender;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a real receiver gets for each method, format and authentication. */
class WebhookSenderRequestTest {

    static final String JSON_BODY = "{\"extension\":\"0042\",\"has_voicemail\":true,\"caller name\":\"Zoë \\\"Z\\\" O'Neil & co\","
            + "\"enabled_calls\":\"Local,Mobile\",\"forwarded\":false}";
    static final String QUERY = "extension=0042&has_voicemail=true&caller%20name=Zo%C3%AB%20%22Z%22%20O%27Neil%20%26%20co"
            + "&enabled_calls=Local%2CMobile&forwarded=false";

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
    void postsJsonWithExactlyTheExpectedBodyAndHeaders() throws Exception {
        DeliveryResult result = send(TestConfig.empty().set("request_url", receiver.url("/hooks")));
        assertEquals(DeliveryResult.succeeded(200, "HTTP 200 OK"), classification(result));
        TestReceiver.Received request = receiver.onlyRequest();
        assertEquals("POST", request.method());
        assertEquals("/hooks", request.pathAndQuery());
        assertArrayEquals(JSON_BODY.getBytes(StandardCharsets.UTF_8), request.body());
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals(Integer.toString(request.body().length), request.header("Content-Length"));
        assertEquals("dlv_01HXYZ", request.header("webhook-id"));
        assertEquals(UserAgent.VALUE, request.header("User-Agent"));
        assertEquals("127.0.0.1:" + receiver.url("").replaceAll(".*:", ""), request.header("Host"));
        assertNull(request.header("Authorization"));
        assertNull(request.header("webhook-signature"));
        assertEquals(Long.toString(TestMessages.SENT_AT.getEpochSecond()), request.header("webhook-timestamp"));
        // The JDK receiver capitalizes only the first letter of each name.
        assertEquals(Set.of("Host", "Connection", "User-agent", "Content-type", "Content-length", "Webhook-id", "Webhook-timestamp"),
                request.headers().keySet());
    }

    @Test
    void getWithQueryPutsThePayloadInTheUrlAfterItsOwnParameters() throws Exception {
        send(TestConfig.empty().set("request_url", receiver.url("/legacy?source=pbx")).set("method", "GET").set("format", "QUERY"));
        TestReceiver.Received request = receiver.onlyRequest();
        assertEquals("GET", request.method());
        assertEquals("/legacy?source=pbx&" + QUERY, request.pathAndQuery());
        assertEquals(0, request.body().length);
        assertNull(request.header("Content-Type"));
    }

    @Test
    void postWithQuerySendsAFormBody() throws Exception {
        assertEquals(DeliveryResult.succeeded(200, "HTTP 200 OK"), classification(send(TestConfig.empty().set("request_url", receiver.url("/form")).set("format", "QUERY"))));
        TestReceiver.Received request = receiver.onlyRequest();
        assertEquals("POST", request.method());
        assertEquals("/form", request.pathAndQuery());
        assertEquals("application/x-www-form-urlencoded", request.header("Content-Type"));
        assertEquals(QUERY, request.bodyText());
    }

    @Test
    void appendsPathArgumentsToThePathKeepingTheQuery() throws Exception {
        send(TestConfig.empty().set("request_url", receiver.url("/base/?key=1")).set("path_arguments", "/calls/in%20bound"));
        assertEquals("/base/calls/in%20bound?key=1", receiver.onlyRequest().pathAndQuery());
    }

    @Test
    void basicAuthentication() throws Exception {
        send(TestConfig.empty().set("request_url", receiver.url("/")).set("auth.type", "BASIC").set("auth.username", "pbx")
                .set("auth.password", "pässwörd"));
        String expected = "Basic " + Base64.getEncoder().encodeToString("pbx:pässwörd".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, receiver.onlyRequest().header("Authorization"));
    }

    @Test
    void basicAuthenticationWithoutAPasswordSendsAnEmptyOne() throws Exception {
        send(TestConfig.empty().set("request_url", receiver.url("/")).set("auth.type", "BASIC").set("auth.username", "pbx"));
        assertEquals("Basic cGJ4Og==", receiver.onlyRequest().header("Authorization"));
    }

    @Test
    void tokenAuthentication() throws Exception {
        send(TestConfig.empty().set("request_url", receiver.url("/")).set("auth.type", "TOKEN").set("auth.token", "eyJhbGciOi.J9x-_"));
        assertEquals("Bearer eyJhbGciOi.J9x-_", receiver.onlyRequest().header("Authorization"));
    }

    @Test
    void customHeadersAreSentAndMayReplaceTheUserAgent() throws Exception {
        send(TestConfig.empty().set("request_url", receiver.url("/")).header("X-Api-Key", "k-123").header("X-Tenant", "")
                .header("User-Agent", "LegacyCRM/1.0").header("Authorization", "Custom abc"));
        TestReceiver.Received request = receiver.onlyRequest();
        assertEquals("k-123", request.header("X-Api-Key"));
        assertEquals("", request.header("X-Tenant"));
        assertEquals("LegacyCRM/1.0", request.header("User-Agent"));
        assertEquals(1, request.headers().get("User-Agent").size());
        assertEquals("Custom abc", request.header("Authorization"));
    }

    private static DeliveryResult send(TestConfig config) throws Exception {
        try (TransportSender sender = transport.createSender(config.build(), TestMessages.CONTEXT)) {
            return sendOnce(sender, answeredCall());
        }
    }
}
