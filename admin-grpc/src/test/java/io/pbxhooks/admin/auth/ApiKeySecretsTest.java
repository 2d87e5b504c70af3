package io.pbxhooks.admin.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiKeySecretsTest {

    @Test
    void aSecretIsThePrefixAnd256RandomBitsInBase64Url() {
        String secret = ApiKeySecrets.generate();
        assertTrue(secret.startsWith("pbx_"));
        assertEquals(32, Base64.getUrlDecoder().decode(secret.substring(4)).length);
        assertNotEquals(secret, ApiKeySecrets.generate());
    }

    @Test
    void theHashIsSha256InLowerCaseHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeySecrets.hash("abc"));
    }
}
