package io.pbxhooks.server.admin;

import static io.pbxhooks.server.admin.GrpcAssertions.assertStatus;
import static io.pbxhooks.server.testing.AdminTestServer.OPERATOR_KEY;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.StreamObserver;
import io.pbxhooks.admin.auth.ApiKeySecrets;
import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.AccountServiceGrpc;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.AuditServiceGrpc;
import io.pbxhooks.admin.v1.CatalogServiceGrpc;
import io.pbxhooks.admin.v1.CreateAccountRequest;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.CreateApiKeyResponse;
import io.pbxhooks.admin.v1.GetAccountRequest;
import io.pbxhooks.admin.v1.IntegrationServiceGrpc;
import io.pbxhooks.admin.v1.ListAccountsRequest;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.ListServiceTypesRequest;
import io.pbxhooks.admin.v1.RevokeApiKeyRequest;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every call needs a valid key of a role that may make it; health and reflection need none. */
class AuthenticationTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void callsWithoutAValidKeyAreUnauthenticatedOnEveryService(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            CreateApiKeyResponse revoked = api.createKey(api.createAccount("acme").getId(), ApiKey.Role.ADMIN);
            api.accounts(revoked.getSecret()).getAccount(GetAccountRequest.getDefaultInstance());
            api.accounts(OPERATOR_KEY).revokeApiKey(RevokeApiKeyRequest.newBuilder().setId(revoked.getApiKey().getId()).build());

            List<String> badAuthorizations = List.of("Basic " + OPERATOR_KEY, OPERATOR_KEY, "Bearer", "Bearer    ", "Bearer " + OPERATOR_KEY + "x",
                    "Bearer " + ApiKeySecrets.generate(), "Bearer " + revoked.getSecret());
            for (Function<String, Executable> call : everyService(api)) {
                assertStatus(Status.Code.UNAUTHENTICATED, call.apply(null));
                for (String authorization : badAuthorizations) {
                    assertStatus(Status.Code.UNAUTHENTICATED, call.apply(authorization));
                }
                assertDoesNotThrow(call.apply("Bearer " + OPERATOR_KEY));
                assertDoesNotThrow(call.apply("bearer " + OPERATOR_KEY), "the scheme is not case-sensitive");
            }
            String description = assertStatus(Status.Code.UNAUTHENTICATED, everyService(api).get(0).apply("Bearer " + revoked.getSecret()))
                    .getStatus().getDescription();
            assertTrue(!description.contains(revoked.getSecret()) && !description.contains(revoked.getApiKey().getId()), description);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aKeyOfTheWrongRoleIsPermissionDenied(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            api.createAccount("acme");
            String producer = api.createKey("acme", ApiKey.Role.PRODUCER).getSecret();
            for (Function<String, Executable> call : everyService(api)) {
                assertStatus(Status.Code.PERMISSION_DENIED, call.apply("Bearer " + producer));
            }
            String admin = api.createKey("acme", ApiKey.Role.ADMIN).getSecret();
            assertStatus(Status.Code.PERMISSION_DENIED, () -> api.accounts(admin).createAccount(CreateAccountRequest.newBuilder()
                    .setAccount(Account.newBuilder().setId("globex").setDisplayName("Globex")).build()));
            assertStatus(Status.Code.PERMISSION_DENIED, () -> api.accounts(admin).listAccounts(ListAccountsRequest.getDefaultInstance()));
            assertStatus(Status.Code.PERMISSION_DENIED, () -> api.accounts(admin).createApiKey(CreateApiKeyRequest.newBuilder()
                    .setRole(ApiKey.Role.OPERATOR).build()));
            assertEquals(1, api.accounts(OPERATOR_KEY).listAccounts(ListAccountsRequest.getDefaultInstance()).getAccountsCount(), "globex was not created");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void healthAndReflectionNeedNoKey(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            assertEquals(HealthCheckResponse.ServingStatus.SERVING,
                    HealthGrpc.newBlockingStub(api.channel()).check(HealthCheckRequest.getDefaultInstance()).getStatus());
            FileDescriptorProto file = fileContaining(api, "pbxhooks.admin.v1.IntegrationService");
            assertEquals("pbxhooks.admin.v1", file.getPackage());
            assertEquals("IntegrationService", file.getService(0).getName());
        }
    }

    /** One call of each admin service, given the authorization header to send (none when null). */
    private static List<Function<String, Executable>> everyService(AdminTestServer api) {
        return List.of(
                authorization -> () -> stub(AccountServiceGrpc.newBlockingStub(api.channel()), authorization)
                        .getAccount(GetAccountRequest.newBuilder().setId("acme").build()),
                authorization -> () -> stub(IntegrationServiceGrpc.newBlockingStub(api.channel()), authorization)
                        .listIntegrations(ListIntegrationsRequest.newBuilder().setAccountId("acme").build()),
                authorization -> () -> stub(CatalogServiceGrpc.newBlockingStub(api.channel()), authorization)
                        .listServiceTypes(ListServiceTypesRequest.getDefaultInstance()),
                authorization -> () -> stub(AuditServiceGrpc.newBlockingStub(api.channel()), authorization)
                        .listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()));
    }

    private static <S extends AbstractStub<S>> S stub(S stub, String authorization) {
        return authorization == null ? AdminTestServer.withKey(stub, null) : AdminTestServer.withAuthorization(stub, authorization);
    }

    /** Asks server reflection, without a key, for the file that declares {@code symbol}. */
    private static FileDescriptorProto fileContaining(AdminTestServer api, String symbol) throws Exception {
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(api.channel())
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        answer.complete(response);
                    }

                    @Override
                    public void onError(Throwable error) {
                        answer.completeExceptionally(error);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setFileContainingSymbol(symbol).build());
        ServerReflectionResponse response = answer.get(10, TimeUnit.SECONDS);
        requests.onCompleted();
        try {
            return FileDescriptorProto.parseFrom(response.getFileDescriptorResponse().getFileDescriptorProto(0));
        } catch (InvalidProtocolBufferException broken) {
            throw new AssertionError(response.toString(), broken);
        }
    }
}
