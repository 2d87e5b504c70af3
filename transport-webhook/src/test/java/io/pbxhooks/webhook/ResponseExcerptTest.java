package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseExcerptTest {

    @Test
    void keepsLineBreaksAndTabsAndDropsOtherControlCharacters() {
        assertEquals("{\n\t\"error\": \"bad\"\n}", excerpt("\r\n{\r\n\t\"error\":\u0007 \"bad\"\r\n}\u0000\n", List.of()));
    }

    @Test
    void keepsAtMostOneKibibyte() {
        assertEquals("a".repeat(1024), excerpt("a".repeat(1024), List.of()));
        assertEquals("a".repeat(1023) + "…", excerpt("a".repeat(1025), List.of()));
        assertEquals("a".repeat(1023) + "…", excerpt("a".repeat(100_000), List.of()));
    }

    @Test
    void neverSplitsACharacterOutsideTheBasicPlane() {
        assertEquals("ab" + "😀".repeat(510) + "…", excerpt("ab" + "😀".repeat(600), List.of()));
    }

    @Test
    void blanksEchoedCredentialsEvenAcrossTheCut() {
        assertEquals("x".repeat(1020) + "***…", excerpt("x".repeat(1020) + "SECRETTOKEN" + "y".repeat(50), List.of("SECRETTOKEN")));
    }

    @Test
    void anEmptyBodyGivesNothing() {
        assertEquals("", excerpt(" \r\n ", List.of()));
    }

    private static String excerpt(String body, List<String> secrets) {
        return ResponseExcerpt.of(body.getBytes(StandardCharsets.UTF_8), secrets);
    }
}
