package io.pbxhooks.admin.error;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.pbxhooks.model.Violation;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * The one place where failures become gRPC statuses. An {@link AdminException} becomes its status code
 * with a {@code google.rpc.Status} carrying an {@code ErrorInfo} (and, for invalid arguments, a
 * {@code BadRequest} with a field violation each); a database out of reach becomes UNAVAILABLE, which clients retry;
 * anything unexpected becomes INTERNAL with no detail.
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
        if (error instanceof StatusRuntimeException status) {
            return status;
        }
        if (error instanceof StatusException status) {
            return new StatusRuntimeException(status.getStatus(), status.getTrailers());
        }
        if (causedByUnreachableDatabase(error)) {
            LOG.log(System.Logger.Level.WARNING, "the database cannot be reached in " + methodName + ": " + error);
            return Status.UNAVAILABLE.withDescription("the database cannot be reached right now; try again").asRuntimeException();
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected failure in " + methodName, error);
        return Status.INTERNAL.withDescription("internal error").asRuntimeException();
    }

    /**
     * The JDBC exceptions a store's failure is caused by while its database is down, restarting or out of connections
     * (SQL states 08xxx and transient failures, e.g. a pool timeout or a deadlock): the same request may succeed later.
     */
    private static boolean causedByUnreachableDatabase(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
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
        };
    }
}
