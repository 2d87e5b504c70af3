package io.pbxhooks.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.QuotaFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the gRPC statuses and error details the server returns. */
final class GrpcAssertions {

    private GrpcAssertions() {
    }

    static StatusRuntimeException assertStatus(Status.Code expected, Executable call) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call, () -> "expected " + expected);
        assertEquals(expected, failure.getStatus().getCode(), () -> "got " + failure.getStatus());
        return failure;
    }

    /** The field violations of the INVALID_ARGUMENT that {@code call} fails with: path → description, in order. */
    static Map<String, String> assertInvalid(Executable call) {
        return violations(assertStatus(Status.Code.INVALID_ARGUMENT, call));
    }

    static Map<String, String> violations(StatusRuntimeException failure) {
        Map<String, String> violations = new LinkedHashMap<>();
        detail(failure, BadRequest.class).getFieldViolationsList().forEach(violation -> {
            if (violations.put(violation.getField(), violation.getDescription()) != null) {
                throw new AssertionError("two violations of " + violation.getField() + " in " + failure);
            }
        });
        return violations;
    }

    static ErrorInfo errorInfo(StatusRuntimeException failure) {
        return detail(failure, ErrorInfo.class);
    }

    static QuotaFailure quotaFailure(StatusRuntimeException failure) {
        return detail(failure, QuotaFailure.class);
    }

    private static <T extends Message> T detail(StatusRuntimeException failure, Class<T> type) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status == null) {
            throw new AssertionError("no google.rpc.Status in " + failure);
        }
        try {
            for (Any detail : status.getDetailsList()) {
                if (detail.is(type)) {
                    return detail.unpack(type);
                }
            }
        } catch (InvalidProtocolBufferException broken) {
            throw new AssertionError(broken);
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + status);
    }
}
