package io.pbxhooks.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryResultTest {

    private final Exchange exchange = new Exchange("POST https://crm.example.com/hooks", Map.of("Server", List.of("nginx")), "ok");

    @Test
    void theFactoriesCarryNoExchangeUntilOneIsAdded() {
        DeliveryResult result = DeliveryResult.retryable(503, Duration.ofSeconds(30), "HTTP 503");
        assertNull(result.exchange());
        assertEquals(Optional.empty(), result.exchangeIfAny());
        DeliveryResult withExchange = result.withExchange(exchange);
        assertEquals(new DeliveryResult(DeliveryResult.Outcome.RETRYABLE, 503, Duration.ofSeconds(30), "HTTP 503", exchange), withExchange);
        assertEquals(Optional.of(exchange), withExchange.exchangeIfAny());
        assertEquals(result, withExchange.withExchange(null));
    }

    @Test
    void anExchangeKeepsItsHeadersInOrderAndCannotBeChangedAfterwards() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Server", new ArrayList<>(List.of("nginx")));
        headers.put("Set-Cookie", new ArrayList<>(List.of("a=1", "b=2")));
        Exchange copied = new Exchange("GET https://crm.example.com/", headers, "");
        headers.get("Server").add("apache");
        headers.put("Via", List.of("proxy"));
        assertEquals(List.of("Server", "Set-Cookie"), List.copyOf(copied.responseHeaders().keySet()));
        assertEquals(List.of("nginx"), copied.responseHeaders().get("Server"));
        assertThrows(UnsupportedOperationException.class, () -> copied.responseHeaders().put("Via", List.of()));
    }

    @Test
    void anExchangeWithoutAResponseHasNoHeadersAndNoExcerpt() {
        Exchange requestOnly = Exchange.requestOnly("POST https://crm.example.com/hooks");
        assertTrue(requestOnly.responseHeaders().isEmpty());
        assertEquals("", requestOnly.responseExcerpt());
    }

    @Test
    void aRefusedResultHasNoResponseAndCannotAskForARetry() {
        DeliveryResult refused = DeliveryResult.refused("refused: 10.0.0.5 is a private address");
        assertEquals(DeliveryResult.Outcome.REFUSED, refused.outcome());
        assertEquals(0, refused.statusCode());
        assertFalse(refused.hasResponse());
        assertThrows(IllegalArgumentException.class,
                () -> new DeliveryResult(DeliveryResult.Outcome.REFUSED, 0, Duration.ofSeconds(1), "refused"));
    }
}
