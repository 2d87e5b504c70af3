package io.pbxhooks.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final SecretCipher cipher = new SecretCipher(key(7));

    @Test
    void roundTripsAndNeverRepeatsACiphertext() {
        String first = cipher.encrypt("s3cret-token", "integration/1/auth.token");
        String second = cipher.encrypt("s3cret-token", "integration/1/auth.token");
        assertNotEquals(first, second);
        assertTrue(first.startsWith("v1:"));
        assertFalse(first.contains("s3cret"));
        assertEquals("s3cret-token", cipher.decrypt(first, "integration/1/auth.token"));
    }

    @Test
    void aCiphertextMovedToAnotherPlaceDoesNotDecrypt() {
        String stored = cipher.encrypt("pw", "integration/1/auth.password");
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, "integration/2/auth.password"));
        assertFalse(failure.getMessage().contains("pw"));
    }

    @Test
    void anotherKeyDoesNotDecrypt() {
        String stored = cipher.encrypt("pw", "x");
        assertThrows(IllegalStateException.class, () -> new SecretCipher(key(8)).decrypt(stored, "x"));
    }

    @Test
    void refusesAShortKey() {
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher(new byte[16]));
    }
}
