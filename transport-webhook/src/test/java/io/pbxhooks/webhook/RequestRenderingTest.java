package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.spi.config.NameValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestRenderingTest {

    @Test
    void showsAtMostTwoKibibytesOfTheBodyAndSaysHowLongItWas() {
        byte[] body = ("{\"notes\":\"" + "n".repeat(3000) + "\"}").getBytes(StandardCharsets.UTF_8);
        String rendered = RequestRendering.of(new WebhookRequest(RequestMethod.POST, "https://crm.example.com/hooks", List.of(), body), List.of());
        String shownBody = rendered.substring(rendered.indexOf("\n\n") + 2);
        assertEquals("{\"notes\":\"" + "n".repeat(RequestRendering.MAXIMUM_BODY_LENGTH - 10) + "… (3012 bytes in all)", shownBody);
    }

    @Test
    void blanksACredentialStraddlingTheCut() {
        String secret = "SECRETTOKEN-1234";
        byte[] body = ("x".repeat(RequestRendering.MAXIMUM_BODY_LENGTH - 4) + secret).getBytes(StandardCharsets.UTF_8);
        String rendered = RequestRendering.of(new WebhookRequest(RequestMethod.POST, "https://crm.example.com/", List.of(), body), List.of(secret));
        assertFalse(rendered.contains("SECR"), rendered);
    }

    @Test
    void blanksACredentialInTheUrl() {
        String rendered = RequestRendering.of(new WebhookRequest(RequestMethod.GET, "https://crm.example.com/hooks?key=k3y-v4lue", List.of(),
                new byte[0]), List.of("k3y-v4lue"));
        assertEquals("GET https://crm.example.com/hooks?key=********\n", rendered);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "proxy-authorization", "Cookie", "webhook-signature", "X-Api-Key", "X-APIKEY", "X-Auth-Token",
            "X-Client-Secret", "X-Password", "X-Session-Id", "X-Hub-Signature-256"})
    void redactsHeadersThatCarryCredentials(String name) {
        assertTrue(RequestRendering.carriesCredentials(name));
        String rendered = RequestRendering.of(new WebhookRequest(RequestMethod.GET, "https://crm.example.com/",
                List.of(new NameValue(name, "v4lue")), new byte[0]), List.of());
        assertEquals("GET https://crm.example.com/\n" + name + ": ********\n", rendered);
    }

    @ParameterizedTest
    @ValueSource(strings = {"User-Agent", "Content-Type", "webhook-id", "webhook-timestamp", "X-Source", "X-Tenant"})
    void showsOtherHeaders(String name) {
        assertFalse(RequestRendering.carriesCredentials(name));
    }
}
