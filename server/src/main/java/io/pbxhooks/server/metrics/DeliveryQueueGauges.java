package io.pbxhooks.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.transaction.TransactionOperations;
import io.pbxhooks.server.persistence.Sql;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** How many deliveries are due and how long the oldest has waited, read every 5 s (one cheap query). */
@Context
class DeliveryQueueGauges {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final Sql sql;
    private final TransactionOperations<Connection> transactions;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong oldestDueMillis = new AtomicLong();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pbxhooks-queue-gauges");
        thread.setDaemon(true);
        return thread;
    });

    DeliveryQueueGauges(Sql sql, TransactionOperations<Connection> transactions, MeterRegistry registry) {
        this.sql = sql;
        this.transactions = transactions;
        Gauge.builder("pbxhooks.deliveries.due", due, AtomicLong::get).description("Deliveries due now and not yet attempted")
                .register(registry);
        Gauge.builder("pbxhooks.deliveries.oldest.due.age.seconds", oldestDueMillis, millis -> millis.get() / 1000.0)
                .description("How long the oldest due delivery has waited").register(registry);
        schedule.scheduleWithFixedDelay(this::read, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void read() {
        try {
            Instant now = Instant.now();
            transactions.executeRead(status -> sql.queryOne("SELECT COUNT(*) AS due, MIN(next_attempt_at) AS oldest FROM deliveries "
                    + "WHERE state IN ('PENDING', 'RETRY_SCHEDULED') AND next_attempt_at <= ?", row -> {
                        due.set(row.getLong("due"));
                        Instant oldest = Sql.instant(row, "oldest");
                        oldestDueMillis.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis()));
                        return null;
                    }, now));
        } catch (RuntimeException unavailable) {
            // Readiness reports the database; the gauges keep their last values.
        }
    }

    @PreDestroy
    void stop() {
        schedule.shutdownNow();
    }
}
