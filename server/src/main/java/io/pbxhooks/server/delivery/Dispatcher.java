package io.pbxhooks.server.delivery;

import io.micronaut.context.annotation.Context;
import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.model.Payload;
import io.pbxhooks.server.persistence.JdbcIntegrationStore;
import io.pbxhooks.spi.OutboundMessage;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due deliveries in batches, sends each through its integration's transport without holding a database
 * transaction, and records the outcome. It is woken at once by new work on this node and polls as a backstop
 * (other nodes' events, retries falling due, leases ending). At most {@code max-in-flight} attempts run at once.
 */
@Context
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final DeliverySettings settings;
    private final DeliveryClaims claims;
    private final DeliveryOutcomes outcomes;
    private final SenderCache senders;
    private final JdbcIntegrationStore integrations;
    private final IntegrationHealth health;
    private final DispatchSignal signal;
    private final RetrySchedule schedule;
    private final String node;
    private final Clock clock = Clock.tickMillis(ZoneOffset.UTC);
    private final Semaphore inFlight;
    private final ExecutorService completions = Executors.newFixedThreadPool(4, named("pbxhooks-delivery-outcome"));
    private final Thread loop;
    private volatile boolean running = true;

    Dispatcher(DeliverySettings settings, DeliveryClaims claims, DeliveryOutcomes outcomes, SenderCache senders,
               JdbcIntegrationStore integrations, IntegrationHealth health, DispatchSignal signal, NodeIdentity node) {
        this.settings = settings;
        this.claims = claims;
        this.outcomes = outcomes;
        this.senders = senders;
        this.integrations = integrations;
        this.health = health;
        this.signal = signal;
        this.schedule = new RetrySchedule(settings.getRetryDelays(), settings.getMaxRetryAfter(), ThreadLocalRandom.current());
        this.node = node.id();
        this.inFlight = new Semaphore(settings.getMaxInFlight());
        this.loop = named("pbxhooks-dispatcher").newThread(this::run);
        loop.start();
        LOG.info("Dispatcher {} started: up to {} deliveries in flight, retries after {}", node, settings.getMaxInFlight(), settings.getRetryDelays());
    }

    private void run() {
        while (running) {
            try {
                int wanted = Math.min(settings.getBatchSize(), inFlight.availablePermits());
                List<ClaimedDelivery> batch = wanted == 0 ? List.of() : claims.claim(node, wanted, clock.instant(), settings.getLease());
                batch.forEach(this::start);
                if (batch.size() < wanted || wanted == 0) {
                    signal.await(settings.getPollInterval());
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Cannot claim or start deliveries (will retry; those claimed wait for their lease): {}", e.toString());
                sleep(settings.getPollInterval());
            }
        }
    }

    /**
     * Takes a place in flight and sends. When the delivery cannot even start (its integration cannot be read, its
     * sender cannot be made), the place is given back and the failure thrown: this delivery and the rest of its batch
     * are taken up again when their lease ends.
     */
    private void start(ClaimedDelivery delivery) {
        inFlight.acquireUninterruptibly();
        Instant started = clock.instant();
        CompletionStage<DeliveryResult> sending;
        try {
            Optional<IntegrationRecord> integration = integrations.find(delivery.integrationId());
            if (integration.isEmpty()) {
                finish(delivery, started, DeliveryResult.permanent(0, "the integration was deleted"));
                return;
            }
            Payload payload = Payload.of(delivery.event(), integration.get().fieldMappings());
            OutboundMessage message = new OutboundMessage(delivery.id(), delivery.attempt(), delivery.eventType(), started, payload);
            sending = senders.senderFor(integration.get()).send(message);
        } catch (RuntimeException cannotStart) {
            inFlight.release();
            throw cannotStart;
        }
        sending.whenCompleteAsync((result, bug) -> {
            DeliveryResult outcome = bug == null ? result : DeliveryResult.retryable(0, null, "transport failure: " + bug);
            finish(delivery, started, outcome);
            recordHealth(delivery, outcome);
        }, completions);
    }

    private void recordHealth(ClaimedDelivery delivery, DeliveryResult result) {
        try {
            if (result.outcome() == DeliveryResult.Outcome.SUCCEEDED) {
                health.succeeded(delivery.integrationId());
            } else {
                health.failed(delivery.integrationId(), result, clock.instant());
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot record the health of integration {}: {}", delivery.integrationId(), e.toString());
        }
    }

    private void finish(ClaimedDelivery delivery, Instant started, DeliveryResult result) {
        try {
            Instant now = clock.instant();
            DeliveryOutcomes.AttemptLog attempt = new DeliveryOutcomes.AttemptLog(started, Duration.between(started, now), result);
            switch (result.outcome()) {
                case SUCCEEDED -> outcomes.record(node, delivery, attempt, DeliveryOutcomes.Next.SUCCEEDED, null, now);
                case PERMANENT, REFUSED -> outcomes.record(node, delivery, attempt, DeliveryOutcomes.Next.FAILED, null, now);
                case RETRYABLE -> {
                    Optional<Duration> wait = schedule.nextDelay(delivery.attempt(), result.requestedRetryAfter());
                    outcomes.record(node, delivery, attempt, wait.isPresent() ? DeliveryOutcomes.Next.RETRY_SCHEDULED : DeliveryOutcomes.Next.FAILED,
                            wait.map(now::plus).orElse(null), now);
                }
            }
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is attempted again: at least once, never lost.
            LOG.warn("Cannot record the outcome of delivery {} (it will be attempted again after its lease): {}", delivery.id(), e.toString());
        } finally {
            inFlight.release();
            signal.wake();
        }
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

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        loop.interrupt();
        loop.join(TimeUnit.SECONDS.toMillis(5));
        completions.shutdown();
        completions.awaitTermination(10, TimeUnit.SECONDS);
    }
}
