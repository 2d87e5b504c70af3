package io.pbxhooks.server.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature as a receiver computes it (https://www.standardwebhooks.com): HMAC-SHA256 keyed
 * with the Base64-decoded secret after {@code whsec_}, over {@code id.timestamp.body}, sent as {@code v1,<Base64>}.
 */
final class StandardWebhooks {

    private StandardWebhooks() {
    }

    static String signature(String secret, String webhookId, String timestamp, byte[] body) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("not a Standard Webhooks secret");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
