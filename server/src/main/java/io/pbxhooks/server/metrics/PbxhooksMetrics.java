package io.pbxhooks.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's own meters, named by Prometheus conventions once exported ({@code pbxhooks_events_received_total},
 * {@code pbxhooks_delivery_attempt_seconds}, …). Labels take only bounded values: outcomes, service types and
 * transport types of loaded plugins — and account ids only when {@code pbxhooks.metrics.account-label} asks for them,
 * and then only of accounts that exist.
 */
@Singleton
public class PbxhooksMetrics {

    /** The account label's value for an event naming no account that exists. */
    public static final String UNKNOWN_ACCOUNT = "unknown";

    private final MeterRegistry registry;
    private final boolean accountLabel;
    private final AtomicInteger openPublishStreams = new AtomicInteger();

    public PbxhooksMetrics(MeterRegistry registry, MetricsSettings settings) {
        this.registry = registry;
        this.accountLabel = settings.isAccountLabel();
        Gauge.builder("pbxhooks.ingest.streams.open", openPublishStreams, AtomicInteger::get)
                .description("Publish streams open on this node").register(registry);
    }

    /**
     * @param outcome accepted, duplicate or rejected
     * @param accountId an account that exists, or {@link #UNKNOWN_ACCOUNT}
     */
    public void eventReceived(String serviceType, String outcome, String accountId) {
        Counter.builder("pbxhooks.events.received").description("Events received from producers, by outcome")
                .tags(account(accountId)).tag("service_type", serviceType).tag("outcome", outcome).register(registry).increment();
    }

    /** The events one ingest transaction wrote (group commit): how well the commits are grouped. */
    public void ingestTransactionCommitted(int events) {
        DistributionSummary.builder("pbxhooks.ingest.transaction.events").description("Events written by one ingest transaction")
                .register(registry).record(events);
    }

    /** Deliveries stored leased to this node and handed to its dispatcher in memory, started without a claim. */
    public void deliveriesHandedOff(int deliveries) {
        Counter.builder("pbxhooks.deliveries.handed.off").description("Deliveries handed from ingest to this node's dispatcher without a claim")
                .register(registry).increment(deliveries);
    }

    /** @param outcome succeeded, retry_scheduled, failed or refused */
    public void attemptFinished(String transport, String outcome, Duration took, String accountId) {
        Counter.builder("pbxhooks.deliveries").description("Delivery attempts, by what became of the delivery")
                .tags(account(accountId)).tag("transport", transport).tag("outcome", outcome).register(registry).increment();
        Timer.builder("pbxhooks.delivery.attempt").description("How long one delivery attempt took")
                .tag("transport", transport).publishPercentileHistogram().register(registry).record(took);
    }

    /** From the moment the event occurred (its {@code occurred_at}) to the start of its delivery's first attempt. */
    public void firstAttemptStarted(Duration sinceOccurred) {
        Timer.builder("pbxhooks.event.to.first.attempt").description("From an event's occurred_at to its delivery's first attempt")
                .publishPercentileHistogram().register(registry).record(sinceOccurred.isNegative() ? Duration.ZERO : sinceOccurred);
    }

    public void integrationAutoDisabled() {
        Counter.builder("pbxhooks.integrations.auto.disabled").description("Integrations the server switched off")
                .register(registry).increment();
    }

    public void publishStreamOpened() {
        openPublishStreams.incrementAndGet();
    }

    public void publishStreamClosed() {
        openPublishStreams.decrementAndGet();
    }

    private Tags account(String accountId) {
        return accountLabel ? Tags.of("account", accountId) : Tags.empty();
    }
}
