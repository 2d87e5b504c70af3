package io.pbxhooks.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.pbxhooks.admin.v1.ListServiceTypesRequest;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestCertificates;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gRPC listener serves TLS from a PEM certificate chain and private key (PBXHOOKS_GRPC_TLS_CERTIFICATE_CHAIN,
 * PBXHOOKS_GRPC_TLS_PRIVATE_KEY): a client trusting the certificate's authority is served; plaintext and clients that
 * do not trust the certificate are refused.
 */
class GrpcTlsTest {

    private static TestCertificates.Issued authority;
    private static Path files;
    private static AdminTestServer api;

    @BeforeAll
    static void startOverTls() throws Exception {
        files = Files.createTempDirectory("pbxhooks-grpc-tls");
        authority = TestCertificates.authority("pbxhooks test CA");
        TestCertificates.Issued server = TestCertificates.server(authority, "localhost", "127.0.0.1");
        Path chain = TestCertificates.write(files, "server-chain.pem", server.certificatePem() + authority.certificatePem());
        Path key = TestCertificates.write(files, "server-key.pem", server.privateKeyPem());
        api = AdminTestServer.start(TestDatabase.Kind.H2, Map.of(
                "pbxhooks.grpc.tls.certificate-chain", chain.toString(),
                "pbxhooks.grpc.tls.private-key", key.toString()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void aClientTrustingTheAuthorityIsServedOverTls() throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", api.server().grpcPort())
                .sslContext(GrpcSslContexts.forClient().trustManager(authority.certificate()).build()).build();
        try {
            assertEquals(HealthCheckResponse.ServingStatus.SERVING, health(channel).getStatus());
            assertEquals("hosted-pbx", AdminTestServer.withKey(io.pbxhooks.admin.v1.CatalogServiceGrpc.newBlockingStub(channel), AdminTestServer.OPERATOR_KEY)
                    .withDeadlineAfter(10, TimeUnit.SECONDS).listServiceTypes(ListServiceTypesRequest.getDefaultInstance()).getServiceTypes(0).getId());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void plaintextIsRefused() throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", api.server().grpcPort()).usePlaintext().build();
        try {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> health(channel));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused::toString);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", api.server().grpcPort())
                .sslContext(GrpcSslContexts.forClient().build()).build();
        try {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> health(channel));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused::toString);
            assertTrue(causedBy(refused, SSLException.class), () -> "not a TLS failure: " + refused);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCertificateWithoutItsKeyStopsTheServerAtStartup() {
        Path chain = files.resolve("server-chain.pem");
        RuntimeException failure = assertThrows(RuntimeException.class, () -> TestServer.start(TestDatabase.Kind.H2,
                Map.of("pbxhooks.grpc.tls.certificate-chain", chain.toString())).close());
        assertTrue(messages(failure).contains("PBXHOOKS_GRPC_TLS_PRIVATE_KEY"), () -> messages(failure));
    }

    private static HealthCheckResponse health(ManagedChannel channel) {
        return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance());
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }
}
