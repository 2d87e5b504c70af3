package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseSnippetTest {

    @Test
    void isOneLineOfTheBody() {
        assertEquals("{ \"error\": \"bad\" }", snippet("{\r\n  \"error\":\t\"bad\"\n}\u0000", List.of()));
    }

    @Test
    void keepsAtMostTwoHundredCharacters() {
        assertEquals("é".repeat(200) + "…", snippet("é".repeat(201), List.of()));
        assertEquals("a".repeat(200), snippet("a".repeat(200), List.of()));
        assertEquals("a".repeat(200) + "…", snippet("a".repeat(100_000), List.of()));
    }

    @Test
    void blanksCredentialsOfFourCharactersOrMore() {
        assertEquals("user ******** token ******** pin 123", snippet("user cGJ4OnNlY3JldA== token abcd pin 123", List.of("cGJ4OnNlY3JldA==", "abcd", "123")));
    }

    @Test
    void blanksACredentialStraddlingTheLimit() {
        assertEquals("x".repeat(195) + "*****…", snippet("x".repeat(195) + "SECRETTOKEN" + "y".repeat(50), List.of("SECRETTOKEN")));
    }

    @Test
    void anEmptyBodyGivesNothing() {
        assertEquals("", snippet(" \n ", List.of()));
    }

    private static String snippet(String body, List<String> secrets) {
        return ResponseSnippet.of(body.getBytes(StandardCharsets.UTF_8), secrets);
    }
}
