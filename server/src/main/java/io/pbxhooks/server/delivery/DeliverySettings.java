package io.pbxhooks.server.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** How deliveries are dispatched and retried: {@code pbxhooks.delivery.*} (e.g. {@code PBXHOOKS_DELIVERY_RETRY_DELAYS}). */
@ConfigurationProperties("pbxhooks.delivery")
public class DeliverySettings {

    /** False on an ingest-only node: it stores events and their deliveries but runs no dispatcher. */
    private boolean enabled = true;
    private int maxInFlight = 256;
    /** A destination is a receiver (for webhooks: scheme, host and port); one that hangs holds no more slots than this. */
    private int maxInFlightPerDestination = 16;
    /** An account beyond this many attempts in flight gets more only when no other account's deliveries are waiting. */
    private int maxInFlightPerAccount = 64;
    private int batchSize = 100;
    private Duration lease = Duration.ofSeconds(60);
    private Duration pollInterval = Duration.ofSeconds(1);
    /** The wait before each retry: 8 attempts over about a day by default. Each wait gets ±20% jitter. */
    private List<Duration> retryDelays = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(14));
    private Duration maxRetryAfter = Duration.ofHours(1);
    /** A PEM file of certificate authorities deliveries over HTTPS trust besides the JDK's; none when null. */
    private Path extraCaFile;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public int getMaxInFlightPerDestination() {
        return maxInFlightPerDestination;
    }

    public void setMaxInFlightPerDestination(int maxInFlightPerDestination) {
        this.maxInFlightPerDestination = maxInFlightPerDestination;
    }

    public int getMaxInFlightPerAccount() {
        return maxInFlightPerAccount;
    }

    public void setMaxInFlightPerAccount(int maxInFlightPerAccount) {
        this.maxInFlightPerAccount = maxInFlightPerAccount;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public List<Duration> getRetryDelays() {
        return retryDelays;
    }

    public void setRetryDelays(List<Duration> retryDelays) {
        this.retryDelays = List.copyOf(retryDelays);
    }

    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Path getExtraCaFile() {
        return extraCaFile;
    }

    public void setExtraCaFile(Path extraCaFile) {
        this.extraCaFile = extraCaFile;
    }
}
