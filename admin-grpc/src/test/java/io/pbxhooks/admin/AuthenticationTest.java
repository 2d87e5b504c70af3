package io.pbxhooks.admin;

import static io.pbxhooks.admin.Statuses.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.MetadataUtils;
import io.pbxhooks.admin.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateAccountRequest;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.ListAccountsRequest;
import io.pbxhooks.admin.v1.ListApiKeysRequest;
import io.pbxhooks.admin.v1.ListAuditEntriesRequest;
import io.pbxhooks.admin.v1.ListIntegrationsRequest;
import io.pbxhooks.admin.v1.ListServiceTypesRequest;
import io.pbxhooks.admin.v1.RevokeApiKeyRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

    private AdminApiServer api;

    @BeforeEach
    void start() {
        api = new AdminApiServer();
        api.createAccount("acme");
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void aCallWithoutAKeyIsUnauthenticated() {
        var failure = assertStatus(Status.Code.UNAUTHENTICATED,
                () -> api.catalog(null).listServiceTypes(ListServiceTypesRequest.getDefaultInstance()));
        assertEquals("missing API key: send the header 'authorization: Bearer <api key>'", failure.getStatus().getDescription());
        assertEquals("UNAUTHENTICATED", Statuses.errorInfo(failure).getReason());
        assertStatus(Status.Code.UNAUTHENTICATED, () -> api.integrations(null).listIntegrations(ListIntegrationsRequest.getDefaultInstance()));
        assertStatus(Status.Code.UNAUTHENTICATED, () -> api.accounts(null).listAccounts(ListAccountsRequest.getDefaultInstance()));
        assertStatus(Status.Code.UNAUTHENTICATED, () -> api.audit(null).listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()));
    }

    @Test
    void anUnknownKeyIsUnauthenticated() {
        var failure = assertStatus(Status.Code.UNAUTHENTICATED,
                () -> api.catalog("pbx_not-a-key").listServiceTypes(ListServiceTypesRequest.getDefaultInstance()));
        assertEquals("unknown or revoked API key", failure.getStatus().getDescription());
    }

    @Test
    void aRevokedKeyIsUnauthenticated() {
        String admin = api.createKey("acme", ApiKey.Role.ADMIN);
        api.catalog(admin).listServiceTypes(ListServiceTypesRequest.getDefaultInstance());
        String keyId = api.accounts(admin).listApiKeys(ListApiKeysRequest.getDefaultInstance()).getApiKeys(0).getId();

        api.accounts(AdminApiServer.OPERATOR_KEY).revokeApiKey(RevokeApiKeyRequest.newBuilder().setId(keyId).build());

        assertStatus(Status.Code.UNAUTHENTICATED, () -> api.catalog(admin).listServiceTypes(ListServiceTypesRequest.getDefaultInstance()));
    }

    @Test
    void aProducerKeyHasNoAccessToTheAdminApi() {
        String producer = api.createKey("acme", ApiKey.Role.PRODUCER);
        var failure = assertStatus(Status.Code.PERMISSION_DENIED,
                () -> api.catalog(producer).listServiceTypes(ListServiceTypesRequest.getDefaultInstance()));
        assertEquals("PERMISSION_DENIED", Statuses.errorInfo(failure).getReason());
        assertStatus(Status.Code.PERMISSION_DENIED, () -> api.integrations(producer).listIntegrations(ListIntegrationsRequest.getDefaultInstance()));
    }

    @Test
    void anAdminKeyMayNotDoWhatOnlyAnOperatorMay() {
        AccountServiceBlockingStub admin = api.accounts(api.createKey("acme", ApiKey.Role.ADMIN));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> admin.listAccounts(ListAccountsRequest.getDefaultInstance()));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> admin.createAccount(CreateAccountRequest.getDefaultInstance()));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> admin.createApiKey(CreateApiKeyRequest.newBuilder().setRole(ApiKey.Role.OPERATOR).build()));
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "bearer " + AdminApiServer.OPERATOR_KEY);
        var catalog = api.catalog(null).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        assertEquals(1, catalog.listServiceTypes(ListServiceTypesRequest.getDefaultInstance()).getServiceTypesCount());
    }
}
