package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.Violation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestUrlValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/hooks", "http://example.com", "HTTPS://Example.COM/", "https://example.com:8443/a/b?x=1&y=%20",
            "http://127.0.0.1:8080/hook", "http://[::1]:8080/", "https://xn--bcher-kva.example/hooks"})
    void acceptsAbsoluteHttpUrls(String url) {
        assertEquals(List.of(), TestConfig.empty().set("request_url", url).violations());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "example.com/hooks | must be absolute",
            "/hooks | must be absolute",
            "ftp://example.com/hooks | must use http or https",
            "mailto:admin@example.com | must use http or https",
            "https:///hooks | must name a host",
            "https://bad_host.example/hooks | must name a host",
            "https://example.com/hooks#section | must not contain a fragment",
            "https://example.com/hooks# | must not contain a fragment",
            "https://admin@example.com/hooks | must not contain a user name or password",
            "https://exa mple.com/hooks | is not a valid URL",
            "https://example.com/a b | is not a valid URL: Illegal character in path at character 22"})
    void rejectsWhatIsNotAnAbsoluteHttpUrl(String url, String expectedMessage) {
        List<Violation> violations = TestConfig.empty().set("request_url", url).violations();
        assertEquals(1, violations.size(), violations::toString);
        assertEquals("request_url", violations.get(0).field());
        assertTrue(violations.get(0).message().contains(expectedMessage), violations.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(ints = {2048, 2049})
    void allowsAtMost2048Characters(int length) {
        String prefix = "https://example.com/";
        String url = prefix + "a".repeat(length - prefix.length());
        List<String> fields = TestConfig.empty().set("request_url", url).violatedFields();
        assertEquals(length > 2048 ? List.of("request_url") : List.of(), fields);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://pbx:Hunter2Secret@example.com/hooks", "https://pbx:Hunter2Secret@exa mple.com/hooks"})
    void neverRepeatsAPasswordFromTheUrl(String url) {
        Violation violation = TestConfig.empty().set("request_url", url).violations().get(0);
        assertFalse(violation.message().contains("Hunter2Secret"), violation.message());
    }
}
