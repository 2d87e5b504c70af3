package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticationValidationTest {

    @Test
    void basicNeedsAUsernameAndNothingElse() {
        assertEquals(List.of(), basic().set("auth.username", "pbx").violations());
        assertEquals(List.of(), basic().set("auth.username", "pbx").set("auth.password", "s3cret").violations());
        List<Violation> violations = basic().set("auth.password", "s3cret").violations();
        assertEquals(List.of(new Violation("auth.username", "Username is required when Authentication is BASIC")), violations);
    }

    @Test
    void tokenNeedsAToken() {
        assertEquals(List.of(), token().set("auth.token", "eyJhbGciOiJIUzI1NiJ9.e30.abc-_~+/=").violations());
        assertEquals(List.of(new Violation("auth.token", "Token is required when Authentication is TOKEN")), token().violations());
    }

    @Test
    void credentialsOfNoneAreRejected() {
        TestConfig config = TestConfig.minimal().set("auth.username", "pbx").set("auth.password", "s3cret").set("auth.token", "t0ken");
        assertEquals(List.of("auth.username", "auth.password", "auth.token"), config.violatedFields());
        assertTrue(config.violations().get(0).message().contains("Authentication is NONE; clear it, or choose BASIC"));
        assertEquals(List.of("auth.username"), TestConfig.minimal().set("auth.type", "NONE").set("auth.username", "pbx").violatedFields());
    }

    @Test
    void credentialsOfTheOtherTypeAreRejected() {
        assertEquals(List.of("auth.token"), basic().set("auth.username", "pbx").set("auth.token", "t0ken").violatedFields());
        assertEquals(List.of("auth.username", "auth.password"),
                token().set("auth.token", "t0ken").set("auth.username", "pbx").set("auth.password", "s3cret").violatedFields());
    }

    @Test
    void blankCredentialsCountAsUnset() {
        assertEquals(List.of(), TestConfig.minimal().set("auth.username", " ").set("auth.password", "").violations());
        assertEquals(List.of("auth.username"), basic().set("auth.username", "  ").violatedFields());
    }

    @Test
    void usernameHasNoColonOrControlCharacter() {
        assertEquals(List.of("auth.username"), basic().set("auth.username", "pbx:admin").violatedFields());
        assertEquals(List.of("auth.username"), basic().set("auth.username", "pbx\nadmin").violatedFields());
    }

    @Test
    void passwordHasNoControlCharacter() {
        assertEquals(List.of("auth.password"), basic().set("auth.username", "pbx").set("auth.password", "a\r\nb").violatedFields());
        assertEquals(List.of(), basic().set("auth.username", "pbx").set("auth.password", "pässwörd with spaces:").violations());
    }

    @Test
    void tokenIsPrintableAsciiWithoutSpaces() {
        assertEquals(List.of("auth.token"), token().set("auth.token", "two words").violatedFields());
        assertEquals(List.of("auth.token"), token().set("auth.token", "abc\r\nX-Injected: 1").violatedFields());
        assertEquals(List.of("auth.token"), token().set("auth.token", "tökén").violatedFields());
    }

    @Test
    void anUnknownTypeIsReportedOnceWithoutFurtherRules() {
        List<Violation> violations = TestConfig.minimal().set("auth.type", "DIGEST").set("auth.username", "pbx").violations();
        assertEquals(List.of("auth.type"), violations.stream().map(Violation::field).toList());
        assertEquals("Authentication must be one of NONE, BASIC, TOKEN (got \"DIGEST\")", violations.get(0).message());
    }

    private static TestConfig basic() {
        return TestConfig.minimal().set("auth.type", "BASIC");
    }

    private static TestConfig token() {
        return TestConfig.minimal().set("auth.type", "TOKEN");
    }
}
