package io.pbxhooks.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.admin.v1.ListServiceTypesRequest;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin API listens where the operator says: {@code pbxhooks.grpc.port} (PBXHOOKS_GRPC_PORT), not always on 50051. */
class GrpcPortSettingTest {

    @Test
    void theAdminApiListensOnTheConfiguredPort() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }
        try (AdminTestServer api = new AdminTestServer(TestServer.start(TestDatabase.Kind.H2,
                Map.of("pbxhooks.grpc.port", freePort, "pbxhooks.operator-key", AdminTestServer.OPERATOR_KEY)))) {
            assertEquals(freePort, api.server().grpcPort());
            assertEquals("hosted-pbx", api.catalog(AdminTestServer.OPERATOR_KEY).listServiceTypes(ListServiceTypesRequest.getDefaultInstance())
                    .getServiceTypes(0).getId());
        }
    }
}
