package io.pbxhooks.server.retention;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges, every {@code interval}, what is older than {@code max-age} ({@link RetentionPurge}) on a thread of its own.
 * Every node runs it; their batches skip each other's rows. The first run comes after a random part of the interval,
 * so that nodes started together do not purge together.
 */
@Context
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionSettings settings;
    private final RetentionPurge purge;
    private final Clock clock = Clock.tickMillis(ZoneOffset.UTC);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pbxhooks-retention");
        thread.setDaemon(true);
        return thread;
    });

    RetentionJob(RetentionSettings settings, RetentionPurge purge) {
        this.settings = settings;
        this.purge = purge;
        if (settings.keepsEverything()) {
            LOG.info("Retention: events and deliveries are kept for ever (pbxhooks.retention.max-age is 0)");
            return;
        }
        long interval = settings.getInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::run, ThreadLocalRandom.current().nextLong(interval) + 1, interval, TimeUnit.MILLISECONDS);
        LOG.info("Retention: finished deliveries and their events are purged {} after they finished, checked every {}",
                settings.getMaxAge(), settings.getInterval());
    }

    private void run() {
        try {
            RetentionPurge.Purged purged = purge.purge(clock.instant().minus(settings.getMaxAge()), settings.getBatchSize());
            if (!purged.isEmpty()) {
                LOG.info("Retention: purged {} events, {} deliveries and {} attempts older than {} in {} ms", purged.events(), purged.deliveries(),
                        purged.attempts(), settings.getMaxAge(), purged.took().toMillis());
            }
        } catch (RuntimeException e) {
            LOG.warn("Retention: purge failed (will try again in {}): {}", settings.getInterval(), e.toString());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
}
