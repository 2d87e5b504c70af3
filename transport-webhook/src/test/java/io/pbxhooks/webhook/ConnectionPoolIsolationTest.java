package io.pbxhooks.webhook;

import static io.pbxhooks.webhook.TestMessages.answeredCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.spi.TransportSender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * All the senders of a transport share one HTTP client, whose connection pools and their limits are per host and port:
 * many requests hanging on one receiver take nothing from the requests to another. (The host caps the attempts per
 * destination far below these numbers; this checks that the client adds no limit across receivers of its own.)
 */
class ConnectionPoolIsolationTest {

    private static final int HANGING_REQUESTS = 200;

    @Test
    void requestsHangingOnOneReceiverDoNotHoldBackAnother() throws Exception {
        WebhookTransport transport = new WebhookTransport();
        CountDownLatch allHanging = new CountDownLatch(HANGING_REQUESTS);
        try (TestReceiver hanging = new TestReceiver(); TestReceiver healthy = new TestReceiver();
             TransportSender toHanging = sender(transport, hanging.url("/hang"));
             TransportSender toHealthy = sender(transport, healthy.url("/ok"))) {
            hanging.answer(exchange -> {
                allHanging.countDown();
                sleep(Duration.ofSeconds(20));
            });
            List<CompletableFuture<DeliveryResult>> stuck = new ArrayList<>();
            for (int i = 0; i < HANGING_REQUESTS; i++) {
                stuck.add(toHanging.send(answeredCall()).toCompletableFuture());
            }
            assertTrue(allHanging.await(10, TimeUnit.SECONDS), () -> "only " + (HANGING_REQUESTS - allHanging.getCount()) + " reached the receiver");

            long started = System.nanoTime();
            List<CompletableFuture<DeliveryResult>> quick = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                quick.add(toHealthy.send(answeredCall()).toCompletableFuture());
            }
            for (CompletableFuture<DeliveryResult> result : quick) {
                assertEquals(DeliveryResult.Outcome.SUCCEEDED, result.get(5, TimeUnit.SECONDS).outcome());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("ConnectionPoolIsolationTest: %d requests hanging on one receiver; 50 to another took %d ms%n",
                    HANGING_REQUESTS, took.toMillis());
            assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, took::toString);
            assertTrue(stuck.stream().noneMatch(CompletableFuture::isDone), "the hanging requests are still waiting");
        }
    }

    private static TransportSender sender(WebhookTransport transport, String url) {
        return transport.createSender(TestConfig.empty().set("request_url", url).set("timeout", "30000").build(), TestMessages.CONTEXT);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
