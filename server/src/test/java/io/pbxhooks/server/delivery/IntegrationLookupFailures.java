package io.pbxhooks.server.delivery;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.ReadOnly;
import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.server.matching.IndexChangeFeed;
import io.pbxhooks.server.persistence.JdbcAuditLog;
import io.pbxhooks.server.persistence.JdbcIntegrationStore;
import io.pbxhooks.server.persistence.Sql;
import io.pbxhooks.server.persistence.TransportConfigCodec;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The integration store of a server whose database blinks while the dispatcher starts deliveries: its first
 * {@code pbxhooks.test.failing-dispatcher-lookups} lookups from the dispatcher thread fail. Only in servers started
 * with that property.
 */
@Singleton
@Replaces(JdbcIntegrationStore.class)
@Requires(property = "pbxhooks.test.failing-dispatcher-lookups")
class IntegrationLookupFailures extends JdbcIntegrationStore {

    private final AtomicInteger failuresLeft;

    IntegrationLookupFailures(Sql sql, JdbcAuditLog audit, TransportConfigCodec codec, IndexChangeFeed indexChanges,
                              @Value("${pbxhooks.test.failing-dispatcher-lookups}") int failures) {
        super(sql, audit, codec, indexChanges);
        this.failuresLeft = new AtomicInteger(failures);
    }

    @Override
    @ReadOnly
    public Optional<IntegrationRecord> find(String id) {
        if (Thread.currentThread().getName().equals("pbxhooks-dispatcher") && failuresLeft.getAndDecrement() > 0) {
            throw new DataAccessException("Communications link failure (simulated)");
        }
        return super.find(id);
    }
}
