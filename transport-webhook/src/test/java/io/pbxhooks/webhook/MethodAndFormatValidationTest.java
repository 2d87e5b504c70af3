package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.model.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MethodAndFormatValidationTest {

    private static final Violation GET_WITH_JSON = new Violation("format",
            "Format JSON cannot be used with method GET: a GET request has no body. Use QUERY to send the payload in the URL");

    @ParameterizedTest
    @CsvSource({"POST, JSON", "POST, QUERY", "GET, QUERY"})
    void acceptsEveryCombinationWithABodyOrAQuery(String method, String format) {
        assertEquals(List.of(), TestConfig.minimal().set("method", method).set("format", format).violations());
    }

    @Test
    void rejectsGetWithJsonOnTheFormat() {
        assertEquals(List.of(GET_WITH_JSON), TestConfig.minimal().set("method", "GET").set("format", "JSON").violations());
    }

    @Test
    void rejectsGetWithTheDefaultFormatToo() {
        assertEquals(List.of(GET_WITH_JSON), TestConfig.minimal().set("method", "GET").violations());
    }

    @Test
    void rejectsUnknownMethodsAndFormatsOnlyOnce() {
        assertEquals(List.of("method", "format"), TestConfig.minimal().set("method", "PUT").set("format", "XML").violatedFields());
        assertEquals(List.of("method"), TestConfig.minimal().set("method", "get").violatedFields());
    }
}
