package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.Violation;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigningSecretValidationTest {

    @ParameterizedTest
    @ValueSource(ints = {24, 32, 64})
    void acceptsTwentyFourToSixtyFourRandomBytes(int bytes) {
        assertEquals(List.of(), TestConfig.minimal().set("signing_secret", secretOf(bytes)).violations());
    }

    @Test
    void acceptsTheStandardWebhooksExampleSecretAndUnpaddedBase64() {
        assertEquals(List.of(), TestConfig.minimal().set("signing_secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").violations());
        assertEquals(List.of(), TestConfig.minimal().set("signing_secret", secretOf(25).replace("=", "")).violations());
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 23, 65})
    void rejectsTooShortOrTooLongKeys(int bytes) {
        Violation violation = violationFor(secretOf(bytes));
        assertTrue(violation.message().endsWith("it decodes to " + bytes + " bytes"), violation.message());
    }

    @Test
    void rejectsAMissingPrefix() {
        String withoutPrefix = secretOf(32).substring("whsec_".length());
        assertTrue(violationFor(withoutPrefix).message().contains("it does not start with \"whsec_\""));
        assertTrue(violationFor("WHSEC_" + withoutPrefix).message().contains("it does not start with \"whsec_\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"whsec_not base64 at all!", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw-_", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n"})
    void rejectsWhatIsNotBase64(String secret) {
        assertTrue(violationFor(secret).message().contains("is not valid Base64"), violationFor(secret).message());
    }

    @Test
    void neverRepeatsTheSecret() {
        String secret = "whsec_TOPSECRETTOPSECRET";
        assertFalse(violationFor(secret).message().contains("TOPSECRET"));
        assertFalse(violationFor("TOPSECRETTOPSECRET").message().contains("TOPSECRET"));
        assertFalse(SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").toString().contains("MfKQ"));
    }

    private static Violation violationFor(String secret) {
        List<Violation> violations = TestConfig.minimal().set("signing_secret", secret).violations();
        assertEquals(List.of("signing_secret"), violations.stream().map(Violation::field).toList());
        return violations.get(0);
    }

    static String secretOf(int bytes) {
        byte[] key = new byte[bytes];
        for (int index = 0; index < bytes; index++) {
            key[index] = (byte) (index * 37 + 11);
        }
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
