package io.pbxhooks.admin;

import static io.pbxhooks.admin.Statuses.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.pbxhooks.admin.fake.FakeAuditLog;
import io.pbxhooks.admin.fake.FakeIntegrationStore;
import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

    /** A store whose database is down, with a driver that puts too much in its messages. */
    private static final class BrokenStore extends FakeIntegrationStore {
        BrokenStore() {
            super(new FakeAuditLog());
        }

        @Override
        public Optional<IntegrationRecord> find(String id) {
            throw new IllegalStateException("jdbc:mysql://db:3306 password=hunter2 refused");
        }
    }

    /** A store whose database is restarting: the driver's failure is transient, wrapped by the data layer. */
    private static final class UnreachableStore extends FakeIntegrationStore {
        UnreachableStore() {
            super(new FakeAuditLog());
        }

        @Override
        public Optional<IntegrationRecord> find(String id) {
            throw new IllegalStateException("Could not open a connection to jdbc:mysql://db:3306 password=hunter2",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms"));
        }
    }

    @Test
    void aDatabaseOutOfReachIsUnavailableSoThatClientsTryAgain() throws InterruptedException {
        try (AdminApiServer api = new AdminApiServer(new UnreachableStore())) {
            api.createAccount("acme");
            String admin = api.createKey("acme", ApiKey.Role.ADMIN);
            var failure = assertStatus(Status.Code.UNAVAILABLE, () -> api.integrations(admin)
                    .getIntegration(GetIntegrationRequest.newBuilder().setId("any").build()));
            assertEquals("the database is unavailable; try again shortly", failure.getStatus().getDescription());
            assertEquals(0, StatusProto.fromThrowable(failure).getDetailsCount());
        }
    }

    @Test
    void anUnexpectedFailureIsInternalAndTellsNothing() throws InterruptedException {
        try (AdminApiServer api = new AdminApiServer(new BrokenStore())) {
            api.createAccount("acme");
            String admin = api.createKey("acme", ApiKey.Role.ADMIN);
            var failure = assertStatus(Status.Code.INTERNAL, () -> api.integrations(admin)
                    .getIntegration(GetIntegrationRequest.newBuilder().setId("any").build()));
            assertEquals("internal error", failure.getStatus().getDescription());
            assertEquals(0, StatusProto.fromThrowable(failure).getDetailsCount());
        }
    }
}
