package io.pbxhooks.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.server.delivery.DeliveryHarness.TestAccount;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A claim reads a window of the oldest due deliveries: a backlog of deliveries it must leave out (their receiver's line
 * is full) costs each claim no more than the window, and the deliveries behind that backlog are still claimed by a scan
 * past the window, which takes at most a quarter of the time (after a scan that took t, none for 3 t).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimWindowTest {

    /** A poll interval of an hour: the server's own dispatcher, never woken here, claims nothing of these rows. */
    private final DeliveryHarness.PerDatabase servers = new DeliveryHarness.PerDatabase(Map.of("pbxhooks.delivery.poll-interval", "1h"));
    private final Receiver receiver = new Receiver();

    @AfterAll
    void stop() throws Exception {
        servers.close();
        receiver.close();
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deliveriesBehindABacklogThatIsLeftOutAreClaimedByScansPastTheWindowThatTakeAQuarterOfTheTime(TestDatabase.Kind database) throws Exception {
        DeliveryHarness harness = servers.on(database);
        TestServer server = harness.api().server();
        TestAccount account = harness.newAccount();
        Integration busy = Backlogs.create(harness, account, receiver.url("/busy"));
        Integration other = Backlogs.create(harness, account, receiver.url("/other"));
        Instant start = Instant.now();
        PendingRows.insert(server, account, busy, "backlog", 500, start.minusSeconds(60));
        PendingRows.insert(server, account, other, "behind-1", 5, start.minusSeconds(30));
        DeliveryClaims claims = server.context().getBean(DeliveryClaims.class);
        long busyVersion = server.queryForLong("SELECT version FROM integrations WHERE id = '" + busy.getId() + "'");
        ClaimExclusions busyLineFull = new ClaimExclusions(Map.of(busy.getId(), busyVersion), Set.of(), 0);

        assertEquals(5, claims.claim("node", 10, start, Duration.ofMinutes(1), busyLineFull, false).size(),
                "the window (128 rows) is all the busy receiver's: the scan past it finds the other's");

        PendingRows.insert(server, account, other, "behind-2", 5, start.minusSeconds(20));
        assertEquals(List.of(), claims.claim("node", 10, start, Duration.ofMinutes(1), busyLineFull, false),
                "right after a scan the claim reads only its window");
        List<ClaimedDelivery> later = claims.claim("node", 10, start.plusSeconds(60), Duration.ofMinutes(1), busyLineFull, false);
        assertEquals(5, later.size());
        assertEquals(Set.of(other.getId()), Set.copyOf(later.stream().map(ClaimedDelivery::integrationId).toList()));

        List<ClaimedDelivery> withoutExclusions = claims.claim("node", 10, start.plusSeconds(61), Duration.ofMinutes(1),
                ClaimExclusions.NONE, false);
        assertEquals(10, withoutExclusions.size());
        assertEquals(Set.of(busy.getId()), Set.copyOf(withoutExclusions.stream().map(ClaimedDelivery::integrationId).toList()));
    }
}
