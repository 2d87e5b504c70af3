package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.model.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldMappingValidationTest {

    @Test
    void acceptsDistinctRequestKeysIncludingOnesDifferingOnlyInCase() {
        TestConfig config = TestConfig.minimal().mapping("caller", "source_number").mapping("Caller", "name").mapping("when", "date_time");
        assertEquals(List.of(), config.violations());
    }

    @Test
    void requiresANonBlankRequestKey() {
        TestConfig config = TestConfig.minimal().mapping("caller", "source_number").mapping("", "name").mapping("  ", "date_time");
        assertEquals(List.of(new Violation("field_mappings[1].request_key", "Request key is required"),
                new Violation("field_mappings[2].request_key", "Request key is required")), config.violations());
    }

    @Test
    void requiresUniqueRequestKeys() {
        TestConfig config = TestConfig.minimal().mapping("caller", "source_number").mapping("called", "destination_number")
                .mapping("caller", "name").mapping("called", "ivr_name");
        assertEquals(List.of(new Violation("field_mappings[2].request_key", "Request key \"caller\" is already used by field_mappings[0]"),
                new Violation("field_mappings[3].request_key", "Request key \"called\" is already used by field_mappings[1]")), config.violations());
    }

    @Test
    void mappingTheSameFieldTwiceUnderTwoKeysIsFine() {
        assertEquals(List.of(), TestConfig.minimal().mapping("a", "call_uuid").mapping("b", "call_uuid").violations());
    }
}
