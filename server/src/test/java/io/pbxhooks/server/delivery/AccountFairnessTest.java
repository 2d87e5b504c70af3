package io.pbxhooks.server.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.Figures;
import io.pbxhooks.server.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One account floods the node (a backlog to eight healthy receivers, which alone would keep twice the node's 32 slots
 * busy) and takes every slot while no one else needs one; then another account gets its fair share, about half the
 * node's deliveries, the flooding account keeping the rest. Receivers answer in 100 ms. Its rate alone and beside the
 * flood are printed too: on a machine short of CPU, twice the work slows both accounts, however fairly shared.
 */
@Tag("reliability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountFairnessTest {

    private static final int MAX_IN_FLIGHT = 32;
    private static final int PER_DESTINATION = 16;
    private static final int PER_ACCOUNT = 16;
    private static final int FLOOD_CALLS = 150;
    private static final int QUIET_CALLS = 400;
    /** Far above the receivers' 100 ms, so that a test machine short of CPU does not make them fail. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<TimedReceiver> floodReceivers = IntStream.range(0, 8).mapToObj(receiver -> new TimedReceiver(slowOk())).toList();
    private final TimedReceiver quietReceiver = new TimedReceiver(slowOk());

    @AfterAll
    void stop() {
        floodReceivers.forEach(TimedReceiver::close);
        quietReceiver.close();
    }

    @Test
    void anotherAccountKeepsItsShareWhileOneAccountFloods() throws Exception {
        try (DeliveryHarness harness = new DeliveryHarness.PerDatabase(Map.of(
                "pbxhooks.delivery.retry-delays", "300ms,600ms",
                "pbxhooks.delivery.poll-interval", "100ms",
                "pbxhooks.delivery.max-in-flight", MAX_IN_FLIGHT,
                "pbxhooks.delivery.max-in-flight-per-destination", PER_DESTINATION,
                "pbxhooks.delivery.max-in-flight-per-account", PER_ACCOUNT)).on(TestDatabase.Kind.H2)) {
            TestAccount flooding = harness.newAccount();
            for (TimedReceiver receiver : floodReceivers) {
                Backlogs.create(harness, flooding, receiver.url("/flood"), TIMEOUT);
            }
            TestAccount quiet = harness.newAccount();
            Backlogs.create(harness, quiet, quietReceiver.url("/quiet"), TIMEOUT);
            quietRate(harness, quiet);
            double quietAlone = quietRate(harness, quiet);

            floodReceivers.forEach(TimedReceiver::clear);
            Backlogs.publish(harness, flooding, FLOOD_CALLS);
            long floodPublished = System.nanoTime();
            AtomicInteger floodConcurrency = new AtomicInteger();
            Eventually.await("the flood flowing", () -> {
                floodConcurrency.accumulateAndGet(floodReceivers.stream().mapToInt(TimedReceiver::inProgress).sum(), Math::max);
                return floodArrivals().size();
            }, count -> count >= 300);
            long quietStarted = System.nanoTime();
            double floodAlone = DeliveryRates.between(floodArrivals(), floodPublished, quietStarted);
            double quietBesideFlood = quietRate(harness, quiet);
            long quietDone = System.nanoTime();
            double floodBesideQuiet = DeliveryRates.between(floodArrivals(), quietStarted, quietDone);
            int floodLeft = FLOOD_CALLS * floodReceivers.size() - floodArrivals().size();
            double ratio = quietBesideFlood / quietAlone;
            double quietShare = quietBesideFlood / (quietBesideFlood + floodBesideQuiet);
            Figures.print("AccountFairnessTest: flooding account alone %.0f deliveries/s, up to %d at once (its share is %d of %d slots); quiet account "
                            + "alone %.0f/s, beside the flood %.0f/s: ratio %.2f; the flood meanwhile %.0f/s, so the quiet account had %.0f%% "
                            + "of the node's deliveries; %d of the flood still queued after",
                    floodAlone, floodConcurrency.get(), PER_ACCOUNT, MAX_IN_FLIGHT, quietAlone, quietBesideFlood, ratio, floodBesideQuiet, 100 * quietShare, floodLeft);
            floodReceivers.forEach(receiver -> receiver.answer(ok()));
            Backlogs.awaitNothingPending(harness);

            assertTrue(floodLeft > 0, "the flood lasted while the quiet account was measured");
            assertTrue(floodConcurrency.get() > PER_ACCOUNT, "alone, the flooding account used more than its share");
            assertTrue(quietShare >= 0.4, "the quiet account had about half the node's deliveries: " + quietShare);
        }
    }

    private double quietRate(DeliveryHarness harness, TestAccount quiet) throws Exception {
        quietReceiver.clear();
        Backlogs.publish(harness, quiet, QUIET_CALLS);
        long published = System.nanoTime();
        Eventually.await("the quiet account's backlog delivered", quietReceiver::count, count -> count >= QUIET_CALLS);
        return DeliveryRates.perSecond(quietReceiver.arrivalTimes(), published);
    }

    private List<Long> floodArrivals() {
        List<Long> arrivals = new ArrayList<>();
        floodReceivers.forEach(receiver -> arrivals.addAll(receiver.arrivalTimes()));
        arrivals.sort(null);
        return arrivals;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder slowOk() {
        return ok().withFixedDelay(100);
    }
}
