package io.pbxhooks.webhook;

import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.model.FieldValue;
import io.pbxhooks.model.Payload;
import io.pbxhooks.spi.OutboundMessage;
import io.pbxhooks.spi.PluginContext;
import io.pbxhooks.spi.TransportSender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The messages, clock and context the sender tests share. */
final class TestMessages {

    static final Instant SENT_AT = Instant.parse("2024-05-06T07:08:09Z");
    static final Clock CLOCK = Clock.fixed(SENT_AT, ZoneOffset.UTC);
    /** Allows every destination: these tests' receivers are local. The refusals are tested in {@link DestinationRefusalTest}. */
    static final PluginContext CONTEXT = TestPolicies.context(TestPolicies.ALLOW_ALL);

    private TestMessages() {
    }

    /** An answered call: a string with leading zeros, a boolean, text that needs escaping and non-ASCII text. */
    static OutboundMessage answeredCall() {
        return new OutboundMessage("dlv_01HXYZ", 1, "inbound_call_answered", SENT_AT, new Payload(List.of(
                new Payload.Entry("extension", FieldValue.of("0042")),
                new Payload.Entry("has_voicemail", FieldValue.of(true)),
                new Payload.Entry("caller name", FieldValue.of("Zoë \"Z\" O'Neil & co")),
                new Payload.Entry("enabled_calls", FieldValue.of("Local,Mobile")),
                new Payload.Entry("forwarded", FieldValue.of(false)))));
    }

    /** The result without its exchange: the classification alone. */
    static DeliveryResult classification(DeliveryResult result) {
        return result.withExchange(null);
    }

    static DeliveryResult sendOnce(TransportSender sender, OutboundMessage message) throws Exception {
        return sender.send(message).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
