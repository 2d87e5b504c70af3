package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.model.FieldValue;
import io.pbxhooks.model.Payload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadEncodingTest {

    @Test
    void writesJsonMembersInMappingOrderWithBooleansAsBooleans() {
        assertEquals(WebhookSenderRequestTest.JSON_BODY, new String(PayloadEncoding.json(TestMessages.answeredCall().payload()), StandardCharsets.UTF_8));
    }

    @Test
    void escapesWhatJsonRequires() {
        Payload payload = new Payload(List.of(new Payload.Entry("line\nbreak", FieldValue.of("tab\tquote\"back\\slash\u0001"))));
        assertEquals("{\"line\\nbreak\":\"tab\\tquote\\\"back\\\\slash\\u0001\"}", new String(PayloadEncoding.json(payload), StandardCharsets.UTF_8));
    }

    @Test
    void writesQueryPairsInMappingOrderPercentEncoded() {
        assertEquals(WebhookSenderRequestTest.QUERY, PayloadEncoding.query(TestMessages.answeredCall().payload()));
    }

    @Test
    void encodesReservedCharactersAndSpacesInQueryPairs() {
        Payload payload = new Payload(List.of(new Payload.Entry("a+b=c", FieldValue.of("1 + 1 = 2 ?&#/"))));
        assertEquals("a%2Bb%3Dc=1%20%2B%201%20%3D%202%20%3F%26%23%2F", PayloadEncoding.query(payload));
    }

    @Test
    void anEmptyPayloadIsAnEmptyObjectOrAnEmptyQuery() {
        Payload empty = new Payload(List.of());
        assertEquals("{}", new String(PayloadEncoding.json(empty), StandardCharsets.UTF_8));
        assertEquals("", PayloadEncoding.query(empty));
    }
}
