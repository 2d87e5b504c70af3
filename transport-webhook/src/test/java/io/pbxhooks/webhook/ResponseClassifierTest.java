package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.model.DeliveryResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseClassifierTest {

    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

    @ParameterizedTest
    @CsvSource({"200, SUCCEEDED", "299, SUCCEEDED", "300, PERMANENT", "302, PERMANENT", "307, PERMANENT", "308, PERMANENT",
            "400, PERMANENT", "407, PERMANENT", "409, PERMANENT", "410, PERMANENT", "413, PERMANENT", "426, PERMANENT", "499, PERMANENT",
            "408, RETRYABLE", "425, RETRYABLE", "429, RETRYABLE", "500, RETRYABLE", "501, RETRYABLE", "599, RETRYABLE",
            "100, PERMANENT", "600, PERMANENT"})
    void classifiesByStatus(int status, Outcome expected) {
        assertEquals(expected, classify(status, Optional.empty(), "").outcome());
    }

    @Test
    void retryAfterIsKeptOnlyForRetryableOutcomes() {
        assertEquals(Duration.ofSeconds(30), classify(503, Optional.of("30"), "").retryAfter());
        assertNull(classify(503, Optional.of("whenever"), "").retryAfter());
        assertNull(classify(400, Optional.of("30"), "").retryAfter());
        assertNull(classify(301, Optional.of("30"), "").retryAfter());
    }

    @Test
    void successDetailIsTheStatusLineOnly() {
        assertEquals("HTTP 200 Reason", classify(200, Optional.empty(), "{\"received\":true}").detail());
    }

    @Test
    void failureDetailAddsTheBodysStartAndSkipsAnEmptyReason() {
        assertEquals("HTTP 422: bad field", ResponseClassifier.classify(422, " ", Optional.empty(),
                "bad field".getBytes(StandardCharsets.UTF_8), List.of(), NOW).detail());
    }

    private static DeliveryResult classify(int status, Optional<String> retryAfter, String body) {
        return ResponseClassifier.classify(status, "Reason", retryAfter, body.getBytes(StandardCharsets.UTF_8), List.of(), NOW);
    }
}
