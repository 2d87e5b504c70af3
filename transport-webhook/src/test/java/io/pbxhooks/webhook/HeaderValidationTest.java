package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.model.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderValidationTest {

    @Test
    void acceptsValidCustomHeaders() {
        TestConfig config = TestConfig.minimal().header("X-Api-Key", "abc 123\tdef").header("x-tenant", "").header("User-Agent", "legacy-crm")
                .header("!#$%&'*+-.^_`|~09azAZ", "v");
        assertEquals(List.of(), config.violations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Api", "X-Api:", "X-Api\r\n", "X(Api)", "X-Äpi", "X/Api"})
    void rejectsANameThatIsNotAnHttpToken(String name) {
        assertEquals(List.of("headers[1].name"), TestConfig.minimal().header("X-Ok", "1").header(name, "1").violatedFields());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nX-Injected: 1", "a\nb", "a\rb", "a\u0000b", "a\u0007b", "a\u007fb", "café"})
    void rejectsAValueWithLineBreaksControlOrNonAsciiCharacters(String value) {
        assertEquals(List.of("headers[0].value"), TestConfig.minimal().header("X-Note", value).violatedFields());
    }

    @Test
    void rejectsANameUsedTwiceIgnoringCase() {
        List<Violation> violations = TestConfig.minimal().header("X-Tenant", "1").header("X-Other", "2").header("x-TENANT", "3").violations();
        assertEquals(List.of(new Violation("headers[2].name", "Header x-TENANT is already set by headers[0] (header names are not case-sensitive)")),
                violations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host", "content-length", "Content-Type", "TRANSFER-ENCODING", "Connection", "Keep-Alive", "TE", "Trailer",
            "Upgrade", "webhook-id", "Webhook-Timestamp", "webhook-signature"})
    void rejectsTheHeadersTheTransportOwns(String name) {
        List<Violation> violations = TestConfig.minimal().header(name, "x").violations();
        assertEquals(List.of("headers[0].name"), violations.stream().map(Violation::field).toList());
    }

    @Test
    void authorizationIsFreeOnlyWithoutAuthentication() {
        assertEquals(List.of(), TestConfig.minimal().header("Authorization", "Custom abc").violations());
        assertEquals(List.of("headers[0].name"), TestConfig.minimal().set("auth.type", "BASIC").set("auth.username", "pbx")
                .header("authorization", "Custom abc").violatedFields());
        assertEquals(new Violation("headers[0].name", "Header Authorization is set by TOKEN authentication; remove it here, or set Authentication to NONE"),
                TestConfig.minimal().set("auth.type", "TOKEN").set("auth.token", "t").header("Authorization", "x").violations().get(0));
    }

    @Test
    void reportsEveryBadHeaderWithItsIndex() {
        TestConfig config = TestConfig.minimal().header("X-Ok", "1").header("Bad Name", "a\nb").header("Host", "evil").header("X-OK", "2");
        assertEquals(List.of("headers[1].name", "headers[1].value", "headers[2].name", "headers[3].name"), config.violatedFields());
    }
}
