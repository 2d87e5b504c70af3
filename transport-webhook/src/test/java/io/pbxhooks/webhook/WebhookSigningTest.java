package io.pbxhooks.webhook;

import static io.pbxhooks.webhook.TestMessages.answeredCall;
import static io.pbxhooks.webhook.TestMessages.sendOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.spi.OutboundMessage;
import io.pbxhooks.spi.TransportSender;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Standard Webhooks signatures, checked against the specification's published example and recomputed independently. */
class WebhookSigningTest {

    private static final String SECRET = SigningSecretValidationTest.secretOf(32);
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
    void reproducesTheStandardWebhooksExampleSignature() {
        SigningSecret secret = SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String signature = secret.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void signsTheJsonBodyAsSent() throws Exception {
        TestReceiver.Received request = sendSigned(TestConfig.empty().set("request_url", receiver.url("/signed")), answeredCall());
        assertEquals("dlv_01HXYZ", request.header("webhook-id"));
        assertEquals(Long.toString(TestMessages.SENT_AT.getEpochSecond()), request.header("webhook-timestamp"));
        assertEquals(expectedSignature("dlv_01HXYZ", TestMessages.SENT_AT.getEpochSecond(), request.body()), request.header("webhook-signature"));
    }

    @Test
    void signsTheFormBody() throws Exception {
        TestReceiver.Received request = sendSigned(TestConfig.empty().set("request_url", receiver.url("/")).set("format", "QUERY"), answeredCall());
        assertEquals(expectedSignature("dlv_01HXYZ", TestMessages.SENT_AT.getEpochSecond(), request.body()), request.header("webhook-signature"));
    }

    @Test
    void signsAnEmptyBodyForGet() throws Exception {
        TestReceiver.Received request = sendSigned(TestConfig.empty().set("request_url", receiver.url("/")).set("method", "GET")
                .set("format", "QUERY"), answeredCall());
        assertEquals(expectedSignature("dlv_01HXYZ", TestMessages.SENT_AT.getEpochSecond(), new byte[0]), request.header("webhook-signature"));
    }

    @Test
    void eachAttemptIsSignedWithItsOwnTimeAndTheSameId() throws Exception {
        OutboundMessage retry = new OutboundMessage("dlv_01HXYZ", 2, "inbound_call_answered", TestMessages.SENT_AT.plusSeconds(300),
                answeredCall().payload());
        TestReceiver.Received request = sendSigned(TestConfig.empty().set("request_url", receiver.url("/")), retry);
        long timestamp = TestMessages.SENT_AT.getEpochSecond() + 300;
        assertEquals(Long.toString(timestamp), request.header("webhook-timestamp"));
        assertEquals(expectedSignature("dlv_01HXYZ", timestamp, request.body()), request.header("webhook-signature"));
    }

    private static TestReceiver.Received sendSigned(TestConfig config, OutboundMessage message) throws Exception {
        try (TransportSender sender = transport.createSender(config.set("signing_secret", SECRET).build(), TestMessages.CONTEXT)) {
            sendOnce(sender, message);
        }
        return receiver.onlyRequest();
    }

    /** The recipe of the Standard Webhooks specification, written out here independently of {@link SigningSecret}. */
    private static String expectedSignature(String id, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        String signed = id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8);
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
