package io.pbxhooks.bench;

import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.model.Payload;
import io.pbxhooks.spi.OutboundMessage;
import io.pbxhooks.spi.PluginContext;
import io.pbxhooks.spi.DestinationPolicy;
import io.pbxhooks.spi.TransportSender;
import io.pbxhooks.spi.config.TransportConfig;
import io.pbxhooks.webhook.WebhookTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ceiling (a): the webhook transport's own sender — the same Micronaut/Netty HTTP client, request rendering and
 * signing the server uses — posting the benchmark's payload to the receiver in a loop, as many requests in flight
 * as the server allows to one destination. No database, no dispatcher: what delivery could reach at best.
 */
final class HttpClientCeiling {

    record Result(long requests, long failures, double seconds) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private HttpClientCeiling() {
    }

    static Result run(Receiver receiver, int concurrency, Duration duration, String signingSecret) throws InterruptedException {
        TransportConfig config = new TransportConfig(Map.of("request_url", receiver.url("/ceiling"), "method", "POST", "format", "JSON",
                "signing_secret", signingSecret, "timeout", "10000"), Map.of(), BenchEvents.MAPPINGS);
        PluginContext context = new PluginContext() {
            @Override
            public DestinationPolicy destinationPolicy() {
                return address -> Optional.empty();
            }
        };
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong failures = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Payload payload = BenchEvents.payload(0);
        try (TransportSender sender = new WebhookTransport().createSender(config, context)) {
            warmUp(sender, inFlight, concurrency, payload);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long sequence = 0;
            while (System.nanoTime() < end) {
                inFlight.acquire();
                sender.send(new OutboundMessage("ceiling-" + sequence, 1, BenchEvents.ANSWERED, Instant.now(), payload))
                        .whenComplete((result, failure) -> {
                            if (failure != null || result.outcome() != DeliveryResult.Outcome.SUCCEEDED) {
                                failures.incrementAndGet();
                            }
                            done.incrementAndGet();
                            inFlight.release();
                        });
                sequence++;
            }
            inFlight.acquire(concurrency);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(done.get() - failures.get(), failures.get(), seconds);
        }
    }

    private static void warmUp(TransportSender sender, Semaphore inFlight, int concurrency, Payload payload) throws InterruptedException {
        for (int index = 0; index < 2000; index++) {
            inFlight.acquire();
            sender.send(new OutboundMessage("warm-" + index, 1, BenchEvents.ANSWERED, Instant.now(), payload))
                    .whenComplete((result, failure) -> inFlight.release());
        }
        inFlight.acquire(concurrency);
        inFlight.release(concurrency);
    }
}
