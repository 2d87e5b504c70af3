package io.pbxhooks.admin.error;

import com.google.protobuf.Any;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.QuotaFailure;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.pbxhooks.model.Violation;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Optional;

/**
 * The one place where failures become gRPC statuses. An {@link AdminException} becomes its status code
 * with a {@code google.rpc.Status} carrying an {@code ErrorInfo} (and, for invalid arguments, a
 * {@code BadRequest} with a field violation each; for a used-up quota, a {@code QuotaFailure}); a database that cannot
 * be reached becomes UNAVAILABLE; anything else unexpected becomes INTERNAL with no detail. Message and violations are
 * cut to fit the 8 KiB of trailers clients read.
 */
public final class ErrorStatuses {

    public static final String DOMAIN = "pbxhooks.io";

    private static final System.Logger LOG = System.getLogger(ErrorStatuses.class.getName());

    /** Percent-encoded in grpc-message (up to 3 bytes each) and again in the details: at most about 3.3 KiB in all. */
    private static final int MESSAGE_BYTES = 768;
    /** The field violations in the details, before Base64: about 2.7 KiB. */
    private static final int FIELD_VIOLATIONS_BYTES = 2048;
    private static final int FIELD_BYTES = 200;
    private static final int DESCRIPTION_BYTES = 400;

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
        if (isStoreUnavailable(error)) {
            LOG.log(System.Logger.Level.WARNING, methodName + ": the database is unavailable: " + error);
            return Status.UNAVAILABLE.withDescription("the database is unavailable; try again shortly").asRuntimeException();
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected failure in " + methodName, error);
        return Status.INTERNAL.withDescription("internal error").asRuntimeException();
    }

    /**
     * A lost or refused database connection (SQLSTATE class 08, a pool timeout, a transient failure): the caller
     * should try again, on this node later or on another node now.
     */
    static boolean isStoreUnavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException
                    || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
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
                .setMessage(TrailerText.cut(error.getMessage(), MESSAGE_BYTES))
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(error.reason()).setDomain(DOMAIN).build()));
        if (error instanceof InvalidArgumentException invalid) {
            status.addDetails(Any.pack(badRequest(invalid.violations())));
        }
        if (error instanceof QuotaExceededException quota) {
            status.addDetails(Any.pack(QuotaFailure.newBuilder().addViolations(QuotaFailure.Violation.newBuilder()
                    .setSubject(TrailerText.cut(quota.subject(), FIELD_BYTES)).setDescription(TrailerText.cut(quota.getMessage(), DESCRIPTION_BYTES)))
                    .build()));
        }
        return status.build();
    }

    /** As many violations as fit, each cut to a readable length, and how many more there are. */
    private static BadRequest badRequest(List<Violation> violations) {
        BadRequest.Builder badRequest = BadRequest.newBuilder();
        int size = 0;
        for (Violation violation : violations) {
            BadRequest.FieldViolation shown = BadRequest.FieldViolation.newBuilder().setField(TrailerText.cut(violation.field(), FIELD_BYTES))
                    .setDescription(TrailerText.cut(violation.message(), DESCRIPTION_BYTES)).build();
            size += CodedOutputStream.computeMessageSize(BadRequest.FIELD_VIOLATIONS_FIELD_NUMBER, shown);
            if (size > FIELD_VIOLATIONS_BYTES) {
                break;
            }
            badRequest.addFieldViolations(shown);
        }
        int hidden = violations.size() - badRequest.getFieldViolationsCount();
        if (hidden > 0) {
            badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("")
                    .setDescription(hidden + " more violations not shown: fix these and send the request again"));
        }
        return badRequest.build();
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
