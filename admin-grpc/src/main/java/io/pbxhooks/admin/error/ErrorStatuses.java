package io.pbxhooks.admin.error;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.QuotaFailure;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.pbxhooks.model.Violation;
import java.util.Optional;

/**
 * The one place where failures become gRPC statuses. An {@link AdminException} becomes its status code
 * with a {@code google.rpc.Status} carrying an {@code ErrorInfo} (and, for invalid arguments, a
 * {@code BadRequest} with a field violation each); anything unexpected becomes INTERNAL with no detail.
 */
public final class ErrorStatuses {

    public static final String DOMAIN = "pbxhooks.io";

    private static final System.Logger LOG = System.getLogger(ErrorStatuses.class.getName());

    private ErrorStatuses() {
    }

    public static StatusRuntimeException toStatusRuntimeException(Throwable error, String methodName) {
        if (error instanceof AdminException known) {
            return StatusProto.toStatusRuntimeException(toRpcStatus(known));
        }
        if (error instanceof StatusRuntimeException status && status.getStatus().getCause() instanceof InvalidProtocolBufferException unparsable) {
            // What grpc-java's protobuf marshaller throws for request bytes that do not parse.
            return StatusProto.toStatusRuntimeException(toRpcStatus(new MalformedRequestException(methodName, unparsable.getMessage())));
        }
        if (error instanceof StatusRuntimeException status) {
            return status;
        }
        if (error instanceof StatusException status) {
            return new StatusRuntimeException(status.getStatus(), status.getTrailers());
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected failure in " + methodName, error);
        return Status.INTERNAL.withDescription("internal error").asRuntimeException();
    }

    /**
     * The client's error behind the status grpc-java's unary handler closes a call with when the client sent no request or
     * several: INTERNAL, as if the server had failed. Empty for every other status.
     */
    public static Optional<MalformedRequestException> wrongRequestCount(Status status, String methodName) {
        boolean wrongCount = status.getCode() == Status.Code.INTERNAL
                && ("Half-closed without a request".equals(status.getDescription()) || "Too many requests".equals(status.getDescription()));
        return wrongCount ? Optional.of(new MalformedRequestException(methodName, "a unary call takes exactly one request message, not "
                + ("Too many requests".equals(status.getDescription()) ? "several" : "none"))) : Optional.empty();
    }

    public static com.google.rpc.Status toRpcStatus(AdminException error) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code(error.kind()).value())
                .setMessage(error.getMessage())
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(error.reason()).setDomain(DOMAIN).build()));
        if (error instanceof InvalidArgumentException invalid) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            invalid.violations().forEach(violation -> badRequest.addFieldViolations(toFieldViolation(violation)));
            status.addDetails(Any.pack(badRequest.build()));
        }
        if (error instanceof QuotaExceededException quota) {
            status.addDetails(Any.pack(QuotaFailure.newBuilder().addViolations(QuotaFailure.Violation.newBuilder()
                    .setSubject(quota.subject()).setDescription(quota.getMessage())).build()));
        }
        return status.build();
    }

    public static BadRequest.FieldViolation toFieldViolation(Violation violation) {
        return BadRequest.FieldViolation.newBuilder().setField(violation.field()).setDescription(violation.message()).build();
    }

    public static Status.Code code(ErrorKind kind) {
        return switch (kind) {
            case INVALID_ARGUMENT -> Status.Code.INVALID_ARGUMENT;
            case NOT_FOUND -> Status.Code.NOT_FOUND;
            case ALREADY_EXISTS -> Status.Code.ALREADY_EXISTS;
            case CONFLICT -> Status.Code.ABORTED;
            case FAILED_PRECONDITION -> Status.Code.FAILED_PRECONDITION;
            case PERMISSION_DENIED -> Status.Code.PERMISSION_DENIED;
            case UNAUTHENTICATED -> Status.Code.UNAUTHENTICATED;
            case RESOURCE_EXHAUSTED -> Status.Code.RESOURCE_EXHAUSTED;
        };
    }
}
