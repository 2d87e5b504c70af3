package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.model.Violation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeoutValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "250", "10000", "30000"})
    void acceptsOneMillisecondToOneMinute(String timeout) {
        assertEquals(List.of(), TestConfig.minimal().set("timeout", timeout).violations());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "30001", "-5", "ten", "1.5", "99999999999999999999"})
    void rejectsEverythingElse(String timeout) {
        assertEquals(List.of("timeout"), TestConfig.minimal().set("timeout", timeout).violatedFields());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "30001"})
    void saysTheRange(String timeout) {
        assertEquals(new Violation("timeout", "Timeout must be between 1 and 30000 milliseconds (got " + timeout + ")"),
                TestConfig.minimal().set("timeout", timeout).violations().get(0));
    }
}
