package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://example.com | calls | https://example.com/calls",
            "https://example.com/ | calls | https://example.com/calls",
            "https://example.com/hooks | calls/in | https://example.com/hooks/calls/in",
            "https://example.com/hooks/ | /calls/ | https://example.com/hooks/calls/",
            "https://example.com/hooks?key=1&b=2 | calls | https://example.com/hooks/calls?key=1&b=2",
            "https://example.com?key=1 | /calls | https://example.com/calls?key=1",
            "https://example.com/a%2Fb | c%20d | https://example.com/a%2Fb/c%20d",
            "https://example.com/hooks | / | https://example.com/hooks/"})
    void appendsPathArgumentsWithOneSlashBetween(String url, String pathArguments, String expected) {
        assertEquals(expected, RequestUrls.withPathArguments(url, pathArguments));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://example.com/hooks | https://example.com/hooks?a=1",
            "https://example.com/hooks? | https://example.com/hooks?a=1",
            "https://example.com/hooks?key=x | https://example.com/hooks?key=x&a=1",
            "https://example.com/hooks?key=x& | https://example.com/hooks?key=x&a=1"})
    void appendsTheQueryAfterTheUrlsOwnParameters(String url, String expected) {
        assertEquals(expected, RequestUrls.withQuery(url, "a=1"));
    }

    @ParameterizedTest
    @CsvSource({"https://example.com/hooks", "https://example.com/hooks?key=x"})
    void leavesTheUrlAloneWhenThereIsNothingToAdd(String url) {
        assertEquals(url, RequestUrls.withPathArguments(url, ""));
        assertEquals(url, RequestUrls.withQuery(url, ""));
    }
}
