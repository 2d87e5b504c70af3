package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.Payload;
import io.pbxhooks.spi.OutboundMessage;
import io.pbxhooks.spi.config.NameValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookRequestFactoryTest {

    @Test
    void putsTheHeadersInAFixedOrder() {
        WebhookRequest request = create(TestConfig.minimal().set("auth.type", "TOKEN").set("auth.token", "t0ken")
                .set("signing_secret", SigningSecretValidationTest.secretOf(32)).header("X-Tenant", "42"), TestMessages.answeredCall());
        assertEquals(List.of("User-Agent", "Content-Type", "Authorization", "X-Tenant", "webhook-id", "webhook-timestamp", "webhook-signature"),
                request.headers().stream().map(NameValue::name).toList());
    }

    @Test
    void theUserAgentNamesTheProjectVersion() {
        assertTrue(UserAgent.VALUE.matches("pbxhooks/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), UserAgent.VALUE);
    }

    @Test
    void getWithAnEmptyPayloadLeavesTheUrlAsConfigured() {
        OutboundMessage empty = new OutboundMessage("dlv_1", 1, "ivr_call_received", TestMessages.SENT_AT, new Payload(List.of()));
        WebhookRequest request = create(TestConfig.minimal().set("method", "GET").set("format", "QUERY"), empty);
        assertEquals("https://example.com/hooks", request.url());
        assertEquals(0, request.body().length);
    }

    @Test
    void escapesNonAsciiCharactersOfTheConfiguredUrl() {
        WebhookRequest request = create(TestConfig.empty().set("request_url", "https://example.com/café").set("path_arguments", "x"),
                TestMessages.answeredCall());
        assertEquals("https://example.com/caf%C3%A9/x", request.url());
    }

    @Test
    void refusesADeliveryIdThatCannotBeAHeader() {
        OutboundMessage broken = new OutboundMessage("dlv\r\nX-Injected: 1", 1, "ivr_call_received", TestMessages.SENT_AT, new Payload(List.of()));
        assertThrows(IllegalArgumentException.class, () -> create(TestConfig.minimal(), broken));
    }

    @Test
    void textFormsHideCredentials() {
        TestConfig config = TestConfig.minimal().set("auth.type", "BASIC").set("auth.username", "pbx").set("auth.password", "Hunter2Hunter2")
                .set("signing_secret", SigningSecretValidationTest.secretOf(32));
        WebhookConfig webhook = WebhookConfig.from(config.build());
        WebhookRequest request = new WebhookRequestFactory(webhook).create(TestMessages.answeredCall());
        for (String text : List.of(webhook.toString(), request.toString())) {
            assertFalse(text.contains("Basic ") || text.contains("Hunter2") || text.contains(SigningSecretValidationTest.secretOf(32).substring(6)), text);
        }
    }

    private static WebhookRequest create(TestConfig config, OutboundMessage message) {
        assertEquals(List.of(), config.violations());
        return new WebhookRequestFactory(WebhookConfig.from(config.build())).create(message);
    }
}
