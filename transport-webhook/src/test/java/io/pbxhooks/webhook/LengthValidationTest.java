package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.model.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Header names and values and request keys have bounded lengths, so that an integration always fits where it is stored. */
class LengthValidationTest {

    @Test
    void headerNamesAndValuesUpToTheirLimitsAreAccepted() {
        assertEquals(List.of(), TestConfig.minimal().header("X-" + "n".repeat(254), "v".repeat(4096)).violations());
    }

    @Test
    void aLongerHeaderNameOrValueIsRejected() {
        assertEquals(List.of(new Violation("headers[0].name", "Header name must be at most 256 characters (it has 257)"),
                        new Violation("headers[1].value", "Header value must be at most 4096 characters (it has 4097)")),
                TestConfig.minimal().header("X-" + "n".repeat(255), "v").header("X-Long", "v".repeat(4097)).violations());
    }

    @Test
    void aRequestKeyLongerThanTheLimitIsRejected() {
        assertEquals(List.of(new Violation("field_mappings[1].request_key", "Request key must be at most 256 characters (it has 257)")),
                TestConfig.minimal().mapping("k".repeat(256), "call_uuid").mapping("k".repeat(257), "source_number").violations());
    }
}
