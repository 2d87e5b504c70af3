package io.pbxhooks.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the statuses the API returns. */
final class Statuses {

    private Statuses() {
    }

    static StatusRuntimeException assertStatus(Status.Code expected, Executable call) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call);
        assertEquals(expected, failure.getStatus().getCode(), () -> "status: " + failure.getStatus());
        return failure;
    }

    /** The BadRequest field violations of an INVALID_ARGUMENT, field path → description, in order. */
    static Map<String, String> violations(StatusRuntimeException failure) {
        Map<String, String> violations = new LinkedHashMap<>();
        detail(failure, BadRequest.class).getFieldViolationsList()
                .forEach(violation -> violations.put(violation.getField(), violation.getDescription()));
        return violations;
    }

    static Map<String, String> invalidFields(Executable call) {
        return violations(assertStatus(Status.Code.INVALID_ARGUMENT, call));
    }

    static ErrorInfo errorInfo(StatusRuntimeException failure) {
        return detail(failure, ErrorInfo.class);
    }

    private static <T extends com.google.protobuf.Message> T detail(StatusRuntimeException failure, Class<T> type) {
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
        throw new AssertionError("no " + type.getSimpleName() + " detail in " + status);
    }
}
