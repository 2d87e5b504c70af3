package io.pbxhooks.webhook;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Standard Webhooks signing secret: {@code whsec_} followed by the Base64 of 24 to 64 random bytes. It signs
 * {@code id.timestamp.body} with HMAC-SHA256, so receivers can verify deliveries with any Standard Webhooks library.
 */
final class SigningSecret {

    static final String PREFIX = "whsec_";
    private static final int MINIMUM_BYTES = 24;
    private static final int MAXIMUM_BYTES = 64;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private SigningSecret(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The problem with {@code value} as a person reads it, never repeating the value; empty when it is a valid secret. */
    static Optional<String> problem(String value) {
        String expected = "Signing secret must be \"" + PREFIX + "\" followed by the Base64 of " + MINIMUM_BYTES + " to "
                + MAXIMUM_BYTES + " random bytes";
        if (!value.startsWith(PREFIX)) {
            return Optional.of(expected + "; it does not start with \"" + PREFIX + "\"");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            return Optional.of(expected + "; the part after \"" + PREFIX + "\" is not valid Base64");
        }
        if (key.length < MINIMUM_BYTES || key.length > MAXIMUM_BYTES) {
            return Optional.of(expected + "; it decodes to " + key.length + " bytes");
        }
        return Optional.empty();
    }

    /** Parses a secret that {@link #problem} accepted. */
    static SigningSecret parse(String value) {
        requireNonNull(value, "value is null");
        problem(value).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        return new SigningSecret(Base64.getDecoder().decode(value.substring(PREFIX.length())));
    }

    /** The {@code webhook-signature} header value: {@code v1,} and the Base64 HMAC-SHA256 of {@code id.timestamp.body}. */
    String sign(String messageId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", unavailable);
        }
    }

    @Override
    public String toString() {
        return PREFIX + "********";
    }
}
