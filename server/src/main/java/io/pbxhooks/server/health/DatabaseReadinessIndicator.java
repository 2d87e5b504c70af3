package io.pbxhooks.server.health;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/** {@code /health/readiness} (and {@code /health}) follow {@link DatabaseReadiness}; liveness does not. */
@Singleton
@Readiness
class DatabaseReadinessIndicator implements HealthIndicator {

    private final DatabaseReadiness readiness;

    DatabaseReadinessIndicator(DatabaseReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        HealthResult.Builder result = HealthResult.builder("database", readiness.isReady() ? HealthStatus.UP : HealthStatus.DOWN);
        if (!readiness.isReady()) {
            result.details(Map.of("problem", readiness.problem()));
        }
        return Publishers.just(result.build());
    }
}
