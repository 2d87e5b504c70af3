package io.pbxhooks.admin.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes API key secrets and the hashes stores keep instead of them. A secret is {@value #PREFIX} followed by
 * 32 random bytes in unpadded base64url (256 bits, so a fast hash is enough: there is nothing to guess).
 */
public final class ApiKeySecrets {

    /** Lets people and secret scanners recognise a pbxhooks key. */
    public static final String PREFIX = "pbx_";

    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    public static String generate() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** SHA-256 of the secret's UTF-8 bytes, lower-case hex (64 characters). */
    public static String hash(String secret) {
        requireNonNull(secret, "secret is null");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
