package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.Violation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathArgumentsValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"calls", "/calls/inbound", "calls/inbound/", "a%20b", "v1/hooks:receive", "@team", "~user/a-b_c.d",
            "x;v=1,2", "/", "..a/b..", "%2Fencoded"})
    void acceptsValidPaths(String pathArguments) {
        assertEquals(List.of(), TestConfig.minimal().set("path_arguments", pathArguments).violations());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "calls?x=1 | must not contain '?'",
            "calls#top | must not contain '#'",
            "a b | must not contain spaces",
            "a\tb | must not contain spaces",
            "a//b | empty segments",
            "//a | empty segments",
            "../admin | '..' segments",
            "a/./b | '..' segments",
            "a/.. | '..' segments",
            "a/%2E%2e/b | '..' segments",
            "a%zz | does not start a %XX escape",
            "a%2 | does not start a %XX escape",
            "café | may contain only letters",
            "a\\b | may contain only letters",
            "a<b> | may contain only letters",
            "a^b | may contain only letters"})
    void rejectsWhatIsNotAValidPath(String pathArguments, String expectedMessage) {
        List<Violation> violations = TestConfig.minimal().set("path_arguments", pathArguments).violations();
        assertEquals(1, violations.size(), violations::toString);
        assertEquals("path_arguments", violations.get(0).field());
        assertTrue(violations.get(0).message().contains(expectedMessage), violations.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\r\nb", "a\u007fb"})
    void rejectsControlCharacters(String pathArguments) {
        assertEquals(List.of("path_arguments"), TestConfig.minimal().set("path_arguments", pathArguments).violatedFields());
    }
}
