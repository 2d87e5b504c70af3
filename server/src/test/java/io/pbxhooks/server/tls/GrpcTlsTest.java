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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gRPC listener serves TLS from a PEM certificate chain and private key (PBXHOOKS_GRPC_TLS_CERTIFICATE_CHAIN,
 * PBXHOOKS_GRPC_TLS_PRIVATE_KEY): a client trusting the certificate's authority is served; plaintext and clients that
 * do not trust the certificate are refused.
 */
class GrpcTlsTest {

    private static TestCertificates.Issued authority;
    private static Path files;
    private static Path chain;
    private static Path key;
    private static final Map<TestDatabase.Kind, AdminTestServer> SERVERS = new EnumMap<>(TestDatabase.Kind.class);

    @BeforeAll
    static void issueCertificates() throws Exception {
        files = Files.createTempDirectory("pbxhooks-grpc-tls");
        authority = TestCertificates.authority("pbxhooks test CA");
        TestCertificates.Issued server = TestCertificates.server(authority, "localhost", "127.0.0.1");
        chain = TestCertificates.write(files, "server-chain.pem", server.certificatePem() + authority.certificatePem());
        key = TestCertificates.write(files, "server-key.pem", server.privateKeyPem());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (AdminTestServer server : SERVERS.values()) {
            server.close();
        }
    }

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    /** The server serving TLS on {@code database}, started once. */
    private static AdminTestServer api(TestDatabase.Kind database) {
        return SERVERS.computeIfAbsent(database, kind -> AdminTestServer.start(kind, Map.of(
                "pbxhooks.grpc.tls.certificate-chain", chain.toString(),
                "pbxhooks.grpc.tls.private-key", key.toString())));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aClientTrustingTheAuthorityIsServedOverTls(TestDatabase.Kind database) throws Exception {
        AdminTestServer api = api(database);
        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", api.server().grpcPort())
                .sslContext(GrpcSslContexts.forClient().trustManager(authority.certificate()).build()).build();
        try {
            assertEquals(HealthCheckResponse.ServingStatus.SERVING, health(channel).getStatus());
            assertEquals("hosted-pbx", AdminTestServer.withKey(io.pbxhooks.admin.v1.CatalogServiceGrpc.newBlockingStub(channel), AdminTestServer.OPERATOR_KEY)
                    .withDeadlineAfter(10, TimeUnit.SECONDS).listServiceTypes(ListServiceTypesRequest.getDefaultInstance()).getServiceTypes(0).getId());
            System.out.printf("GrpcTlsTest [%s]: a client trusting the authority: TLS handshake ok, health SERVING, admin call served%n", database);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void plaintextIsRefused(TestDatabase.Kind database) throws Exception {
        AdminTestServer api = api(database);
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", api.server().grpcPort()).usePlaintext().build();
        try {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> health(channel));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused::toString);
            System.out.printf("GrpcTlsTest [%s]: plaintext refused: %s%n", database, refused.getStatus());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aClientThatDoesNotTrustTheCertificateIsRefused(TestDatabase.Kind database) throws Exception {
        AdminTestServer api = api(database);
        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", api.server().grpcPort())
                .sslContext(GrpcSslContexts.forClient().build()).build();
        try {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> health(channel));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused::toString);
            assertTrue(causedBy(refused, SSLException.class), () -> "not a TLS failure: " + refused);
            System.out.printf("GrpcTlsTest [%s]: a client not trusting the certificate: handshake refused: %s%n", database, rootCause(refused));
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCertificateWithoutItsKeyStopsTheServerAtStartup(TestDatabase.Kind database) {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> TestServer.start(database,
                Map.of("pbxhooks.grpc.tls.certificate-chain", chain.toString())).close());
        assertTrue(messages(failure).contains("PBXHOOKS_GRPC_TLS_PRIVATE_KEY"), () -> messages(failure));
        System.out.printf("GrpcTlsTest [%s]: a certificate without its key: startup refused%n", database);
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.toString();
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
