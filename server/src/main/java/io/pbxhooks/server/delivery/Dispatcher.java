package io.pbxhooks.server.delivery;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.model.Payload;
import io.pbxhooks.server.metrics.PbxhooksMetrics;
import io.pbxhooks.server.persistence.JdbcIntegrationStore;
import io.pbxhooks.server.persistence.Sql;
import io.pbxhooks.spi.OutboundMessage;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due deliveries in batches, sends each through its integration's transport without holding a database
 * transaction, and records the outcome. It is woken at once by new work on this node and polls as a backstop
 * (other nodes' events, retries falling due, leases ending). The {@link AttemptScheduler} decides when each claimed
 * delivery starts: at most {@code max-in-flight} attempts at once, at most {@code max-in-flight-per-destination} of them
 * to one receiver, free slots to the accounts in turn, so that a receiver that hangs or answers slowly, or an account
 * that floods, cannot hold back the others.
 */
@Context
@Requires(property = "pbxhooks.delivery.enabled", notEquals = "false")
public class Dispatcher implements DeliveryHandOff {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** How long a claim chosen as a deadlock victim waits before it claims again. */
    private static final Duration DEADLOCK_PAUSE = Duration.ofMillis(5);

    private final DeliverySettings settings;
    private final DeliveryClaims claims;
    private final OutcomeCommitter outcomes;
    private final SenderCache senders;
    private final ClaimedIntegrations integrations;
    private final IntegrationHealth health;
    private final DispatchSignal signal;
    private final RetrySchedule schedule;
    private final AttemptScheduler scheduler;
    private final PbxhooksMetrics metrics;
    private final String node;
    private final Clock clock = Clock.tickMillis(ZoneOffset.UTC);
    private final ExecutorService completions = Executors.newFixedThreadPool(4, named("pbxhooks-delivery-outcome"));
    private final Thread loop;
    /** Deliveries handed over by committed transactions, for the loop to queue; counted until queued. */
    private final Queue<HandedOff> handedOff = new ConcurrentLinkedQueue<>();
    private final AtomicInteger handedOffWaiting = new AtomicInteger();
    private volatile boolean running = true;
    /** Set once the node stops waiting for attempts: an outcome arriving after that is not recorded, the lease ends instead. */
    private volatile boolean abandoning;

    Dispatcher(DeliverySettings settings, DeliveryClaims claims, OutcomeCommitter outcomes, SenderCache senders,
               JdbcIntegrationStore integrations, IntegrationHealth health, DispatchSignal signal, NodeIdentity node,
               PbxhooksMetrics metrics, MeterRegistry registry) {
        this.metrics = metrics;
        this.settings = settings;
        this.claims = claims;
        this.outcomes = outcomes;
        this.senders = senders;
        this.integrations = new ClaimedIntegrations(integrations);
        this.health = health;
        this.signal = signal;
        this.schedule = new RetrySchedule(settings.getRetryDelays(), settings.getMaxRetryAfter(), ThreadLocalRandom.current());
        // Waiting at most half the lease leaves the other half for the attempt (at most 30 s for webhooks).
        int claimSize = Math.min(settings.getBatchSize(), settings.getMaxInFlightPerDestination());
        int deepClaimSize = Math.max(claimSize, settings.getBatchSize());
        this.scheduler = new AttemptScheduler(settings.getMaxInFlight(), claimSize, deepClaimSize, settings.getMaxInFlightPerDestination(),
                settings.getMaxInFlightPerAccount(), 2 * Math.max(settings.getMaxInFlight(), deepClaimSize), settings.getLease().dividedBy(2));
        this.node = node.id();
        Gauge.builder("pbxhooks.deliveries.in.flight", scheduler, AttemptScheduler::inFlight)
                .description("Delivery attempts in progress on this node").register(registry);
        this.loop = named("pbxhooks-dispatcher").newThread(this::run);
        loop.start();
        LOG.info("Dispatcher {} started: up to {} deliveries in flight, {} per destination, {} per account before others; retries after {}",
                this.node, settings.getMaxInFlight(), settings.getMaxInFlightPerDestination(), settings.getMaxInFlightPerAccount(),
                settings.getRetryDelays());
    }

    private void run() {
        Instant lastClaimOfEveryKind = Instant.MIN;
        boolean moreOfEveryKind = false;
        boolean claimWanted = true;
        // Deliveries handed over need no claim, but however often they wake the loop it claims at least once per poll
        // interval (retries falling due, leases ended, other nodes' events), or sooner for a scan the last claim put off.
        Instant nextClaimDue = Instant.MIN;
        while (running) {
            try {
                queueHandedOff();
                int wanted = scheduler.claimRoom();
                Instant now = clock.instant();
                List<ClaimedDelivery> batch = List.of();
                boolean claiming = wanted > 0 && (claimWanted || !now.isBefore(nextClaimDue));
                if (claiming) {
                    // Woken by new work, a claim looks only for new deliveries; retries falling due and ended leases are
                    // looked for once per poll interval, as often as an idle node would, and again at once while such a
                    // claim comes back full and with some of them (a backlog of retries after a receiver's outage).
                    boolean everyKind = moreOfEveryKind || !now.isBefore(lastClaimOfEveryKind.plus(settings.getPollInterval()));
                    batch = claims.claim(node, wanted, now, settings.getLease(), scheduler.exclusions(), everyKind);
                    lastClaimOfEveryKind = everyKind ? now : lastClaimOfEveryKind;
                    // Attempted before: a retry, or a delivery whose lease ended.
                    moreOfEveryKind = everyKind && batch.size() == wanted && batch.stream().anyMatch(claimed -> claimed.attempt() > 1);
                    nextClaimDue = now.plus(untilNextClaim(now));
                }
                List<PreparedDelivery> refused = new ArrayList<>();
                batch.forEach(delivery -> queue(delivery, now, refused));
                release(refused);
                startWhatMay();
                if (claiming && batch.size() == wanted) {
                    claimWanted = true;
                } else {
                    // A claim wanted while there was no room for it is still wanted once room opens.
                    boolean unserved = claimWanted && !claiming;
                    Duration untilDue = Duration.between(now, nextClaimDue);
                    claimWanted = signal.await(untilDue.isNegative() ? settings.getPollInterval() : untilDue) || unserved;
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                claimWanted = true;
                if (Sql.isDeadlock(e)) {
                    // The database chose the claim to roll back so that another transaction could go on: claim again now.
                    LOG.debug("A claim met a deadlock and was rolled back; claiming again");
                    sleep(DEADLOCK_PAUSE);
                } else {
                    LOG.warn("Cannot claim deliveries (will retry): {}", e.toString());
                    sleep(settings.getPollInterval());
                }
            }
        }
    }

    @Override
    public HandOffBudget budget() {
        if (!running) {
            return HandOffBudget.NONE;
        }
        ClaimExclusions exclusions = scheduler.exclusions();
        return new HandOffBudget(node, settings.getLease(), scheduler.waitingRoom() - handedOffWaiting.get(),
                exclusions.integrations().keySet(), exclusions.accountsAtShare());
    }

    @Override
    public void handOff(List<HandedOff> leased) {
        handedOffWaiting.addAndGet(leased.size());
        handedOff.addAll(leased);
        signal.wakeForHandOff();
        if (!running) {
            giveBackHandedOff();
        }
    }

    /** Queues the deliveries handed over, each with its integration as it is now: one query for the versions of them all. */
    private void queueHandedOff() {
        List<HandedOff> taken = takeHandedOff();
        if (taken.isEmpty()) {
            return;
        }
        Map<String, Long> versions;
        try {
            versions = integrations.versions(taken.stream().map(HandedOff::integrationId).collect(Collectors.toSet()));
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the integrations of {} deliveries handed over (they are attempted again after their leases): {}",
                    taken.size(), e.toString());
            return;
        }
        List<PreparedDelivery> refused = new ArrayList<>();
        taken.forEach(delivery -> queue(delivery.asClaimed(versions.get(delivery.integrationId())), delivery.leasedAt(), refused));
        metrics.deliveriesHandedOff(taken.size() - refused.size());
        if (!refused.isEmpty()) {
            // Their destination's line was full: given back, they are claimed when it has room.
            release(refused);
            signal.wake();
        }
    }

    private List<HandedOff> takeHandedOff() {
        List<HandedOff> taken = new ArrayList<>();
        for (HandedOff next = handedOff.poll(); next != null; next = handedOff.poll()) {
            taken.add(next);
        }
        handedOffWaiting.addAndGet(-taken.size());
        return taken;
    }

    /** Once the loop has stopped: what was handed over and not queued goes back at once rather than when its lease ends. */
    private void giveBackHandedOff() {
        List<ClaimedDelivery> unqueued = takeHandedOff().stream().map(delivery -> delivery.asClaimed(null)).toList();
        if (!unqueued.isEmpty()) {
            giveBack(unqueued);
        }
    }

    /** The poll interval, or less when the claim put off a scan past its window until sooner. */
    private Duration untilNextClaim(Instant now) {
        Duration poll = settings.getPollInterval();
        return claims.deferredScan().map(at -> Duration.between(now, at))
                .map(wait -> wait.compareTo(poll) < 0 ? wait.plusMillis(1) : poll).orElse(poll);
    }

    /** Queues a delivery leased at {@code leasedAt} to wait for its turn; into {@code refused} if its destination's line is full. */
    private void queue(ClaimedDelivery delivery, Instant leasedAt, List<PreparedDelivery> refused) {
        try {
            Optional<IntegrationRecord> integration = integrations.of(delivery);
            if (integration.isEmpty()) {
                record(delivery, clock.instant(), DeliveryResult.permanent(0, "the integration was deleted"));
                return;
            }
            PreparedDelivery prepared = new PreparedDelivery(delivery, integration.get(), senders.destinationOf(integration.get()), leasedAt);
            if (!scheduler.add(prepared)) {
                refused.add(prepared);
            }
        } catch (RuntimeException e) {
            // One integration that cannot be read must not hold back the others' deliveries.
            LOG.warn("Cannot prepare delivery {} of integration {} (it is attempted again after its lease): {}", delivery.id(),
                    delivery.integrationId(), e.toString());
        }
    }

    private void startWhatMay() {
        if (!running) {
            return;
        }
        List<PreparedDelivery> expired = new ArrayList<>();
        List<PreparedDelivery> starting = scheduler.startable(clock.instant(), expired);
        release(expired);
        starting.forEach(this::send);
    }

    private void send(PreparedDelivery prepared) {
        ClaimedDelivery delivery = prepared.delivery();
        Instant started = clock.instant();
        CompletionStage<DeliveryResult> attempt;
        try {
            Payload payload = Payload.of(delivery.event(), prepared.integration().fieldMappings());
            OutboundMessage message = new OutboundMessage(delivery.id(), delivery.attempt(), delivery.eventType(), started, payload);
            attempt = senders.senderFor(prepared.integration()).send(message);
        } catch (RuntimeException bug) {
            attempt = CompletableFuture.failedFuture(bug);
        }
        attempt.whenCompleteAsync((result, bug) -> {
            Duration took = Duration.between(started, clock.instant());
            if (abandoning) {
                scheduler.finished(prepared, took);
                LOG.info("Delivery {} finished after the shutdown grace period; not recorded, it is attempted again after its lease", delivery.id());
                return;
            }
            DeliveryResult outcome = bug == null ? result : DeliveryResult.retryable(0, null, "transport failure: " + bug);
            try {
                String next = record(delivery, started, outcome);
                metrics.attemptFinished(prepared.integration().type(), next, Duration.between(started, clock.instant()), delivery.accountId());
                if (delivery.attempt() == 1) {
                    metrics.firstAttemptStarted(Duration.between(delivery.occurredAt(), started));
                }
                recordHealth(delivery, outcome);
            } finally {
                scheduler.finished(prepared, took);
                startWhatMay();
                if (scheduler.takeRoomOpened()) {
                    signal.wake();
                }
            }
        }, completions);
    }

    private void release(List<PreparedDelivery> unsent) {
        if (!unsent.isEmpty()) {
            giveBack(unsent.stream().map(PreparedDelivery::delivery).toList());
        }
    }

    private void giveBack(List<ClaimedDelivery> unsent) {
        try {
            claims.release(node, unsent, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Cannot give back {} deliveries (they will be claimed again after their leases): {}", unsent.size(), e.toString());
        }
    }

    private void recordHealth(ClaimedDelivery delivery, DeliveryResult result) {
        try {
            if (result.outcome() == DeliveryResult.Outcome.SUCCEEDED) {
                health.succeeded(delivery.integrationId(), clock.instant());
            } else {
                health.failed(delivery.integrationId(), result, clock.instant());
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot record the health of integration {}: {}", delivery.integrationId(), e.toString());
        }
    }

    /** Records the attempt and moves the delivery on; returns what became of it, as the metrics label it. */
    private String record(ClaimedDelivery delivery, Instant started, DeliveryResult result) {
        Instant now = clock.instant();
        Optional<Duration> wait = result.outcome() == DeliveryResult.Outcome.RETRYABLE
                ? schedule.nextDelay(delivery.attempt(), result.requestedRetryAfter()) : Optional.empty();
        DeliveryOutcomes.Next next = switch (result.outcome()) {
            case SUCCEEDED -> DeliveryOutcomes.Next.SUCCEEDED;
            case PERMANENT, REFUSED -> DeliveryOutcomes.Next.FAILED;
            case RETRYABLE -> wait.isPresent() ? DeliveryOutcomes.Next.RETRY_SCHEDULED : DeliveryOutcomes.Next.FAILED;
        };
        // Recorded with the other attempts finishing meanwhile, in one transaction (group commit).
        DeliveryOutcomes.AttemptLog attempt = new DeliveryOutcomes.AttemptLog(started, Duration.between(started, now), result);
        outcomes.submit(node, new DeliveryOutcomes.Finished(delivery, attempt, next, wait.map(now::plus).orElse(null), now));
        return result.outcome() == DeliveryResult.Outcome.REFUSED ? "refused" : next.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** What a drain did: deliveries given back unstarted, attempts it waited for, and those of them left to their lease. */
    public record Drained(int released, int inFlight, int abandoned) {
    }

    /**
     * For a node that shuts down: stops claiming, gives back at once the deliveries claimed but not started, and waits
     * up to {@code grace} for the attempts in progress to finish and their outcomes to be recorded. Attempts still
     * running then are abandoned: nothing is recorded for them, their leases end and another node attempts them again.
     */
    public Drained drain(Duration grace) throws InterruptedException {
        stopClaiming();
        giveBackHandedOff();
        List<PreparedDelivery> waiting = scheduler.takeAllWaiting();
        release(waiting);
        int inFlight = scheduler.inFlight();
        boolean allFinished = scheduler.awaitNoneInFlight(grace);
        abandoning = true;
        return new Drained(waiting.size(), inFlight, allFinished ? 0 : scheduler.inFlight());
    }

    private void stopClaiming() throws InterruptedException {
        running = false;
        signal.wake();
        loop.join(TimeUnit.SECONDS.toMillis(5));
        if (loop.isAlive()) {
            loop.interrupt();
            loop.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /** Normally the shutdown has drained the dispatcher already; otherwise this gives back what waits and waits for no attempt. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopClaiming();
        // What has not started goes back at once rather than when its lease ends.
        giveBackHandedOff();
        release(scheduler.takeAllWaiting());
        abandoning = true;
        completions.shutdown();
        completions.awaitTermination(10, TimeUnit.SECONDS);
    }
}
