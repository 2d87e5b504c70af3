package io.pbxhooks.admin;

import static io.pbxhooks.admin.Statuses.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An error echoing a huge value, or listing very many violations, still reaches the caller: message and violations are
 * cut to fit the 8 KiB of trailers a gRPC client reads (found by fuzzing: the client saw INTERNAL, RST_STREAM).
 */
class LongErrorTest {

    @Test
    void anErrorEchoingAHugeValueIsCutToFit() throws InterruptedException {
        try (AdminApiServer api = new AdminApiServer()) {
            api.createAccount("acme");
            String admin = api.createKey("acme", ApiKey.Role.ADMIN);
            StatusRuntimeException notFound = assertStatus(Status.Code.NOT_FOUND, () -> api.integrations(admin)
                    .getIntegration(GetIntegrationRequest.newBuilder().setId("界".repeat(20_000)).build()));
            String description = notFound.getStatus().getDescription();
            assertTrue(description.startsWith("integration \"界界界"), description);
            assertTrue(description.endsWith("…"), description);
            assertTrue(description.getBytes(StandardCharsets.UTF_8).length <= 768, () -> description.length() + " characters");
        }
    }

    @Test
    void violationsBeyondWhatFitsAreCounted() throws InterruptedException {
        try (AdminApiServer api = new AdminApiServer()) {
            api.createAccount("acme");
            String admin = api.createKey("acme", ApiKey.Role.ADMIN);
            Integration.Builder integration = SampleIntegrations.webhook("many unknown fields").clearFieldMappings();
            for (int index = 0; index < 100; index++) {
                integration.addFieldMappings(SampleIntegrations.mapping("key" + index, "no_such_field_" + index + "_" + "x".repeat(60)));
            }
            StatusRuntimeException invalid = assertStatus(Status.Code.INVALID_ARGUMENT, () -> api.integrations(admin)
                    .createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration).build()));
            BadRequest badRequest = null;
            for (com.google.protobuf.Any detail : StatusProto.fromThrowable(invalid).getDetailsList()) {
                if (detail.is(BadRequest.class)) {
                    badRequest = unpack(detail);
                }
            }
            int shown = badRequest.getFieldViolationsCount() - 1;
            assertTrue(shown > 0 && shown < 100, () -> shown + " shown");
            assertEquals("integration.field_mappings[0].field", badRequest.getFieldViolations(0).getField());
            BadRequest.FieldViolation last = badRequest.getFieldViolations(shown);
            assertEquals("", last.getField());
            assertEquals((100 - shown) + " more violations not shown: fix these and send the request again", last.getDescription());
        }
    }

    private static BadRequest unpack(com.google.protobuf.Any detail) {
        try {
            return detail.unpack(BadRequest.class);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
