package io.pbxhooks.server.shutdown;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/** {@code /health/readiness} is DOWN from the moment the node begins to shut down. */
@Singleton
@Readiness
class ShutdownReadinessIndicator implements HealthIndicator {

    private final ShutdownSequence shutdown;

    ShutdownReadinessIndicator(ShutdownSequence shutdown) {
        this.shutdown = shutdown;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        if (!shutdown.isShuttingDown()) {
            return Publishers.just(HealthResult.builder("shutdown", HealthStatus.UP).build());
        }
        return Publishers.just(HealthResult.builder("shutdown", HealthStatus.DOWN).details(Map.of("problem", "the node is shutting down")).build());
    }
}
