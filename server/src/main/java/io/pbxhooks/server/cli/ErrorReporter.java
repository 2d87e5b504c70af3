package io.pbxhooks.server.cli;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.QuotaFailure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import picocli.CommandLine;

/**
 * Turns a failed command into lines a person understands and an exit code: a gRPC error's field violations
 * each on its own line as {@code <field>: <message>}, so that every problem can be fixed in one go.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (failure instanceof CommandFailure explained) {
            err.println(explained.getMessage());
            err.flush();
            return explained.exitCode();
        }
        if (failure instanceof StatusRuntimeException rpcFailure) {
            report(rpcFailure, err);
            err.flush();
            return ExitCodes.of(rpcFailure.getStatus().getCode());
        }
        err.println("pbxhooks failed: " + failure);
        if (System.getenv("PBXHOOKS_DEBUG") != null) {
            failure.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILED;
    }

    static void report(StatusRuntimeException failure, PrintWriter err) {
        Status status = failure.getStatus();
        List<BadRequest.FieldViolation> violations = detail(failure, BadRequest.class).map(BadRequest::getFieldViolationsList).orElse(List.of());
        if (!violations.isEmpty()) {
            printViolations("Invalid request", violations, err);
            return;
        }
        List<QuotaFailure.Violation> quotas = detail(failure, QuotaFailure.class).map(QuotaFailure::getViolationsList).orElse(List.of());
        if (status.getCode() == Status.Code.RESOURCE_EXHAUSTED && !quotas.isEmpty()) {
            err.println("Limit reached:");
            quotas.forEach(quota -> err.println(quota.getSubject() + ": " + quota.getDescription()));
            return;
        }
        String description = status.getDescription() == null ? "" : status.getDescription();
        Optional<SSLException> tlsFailure = cause(failure, SSLException.class);
        if (status.getCode() == Status.Code.UNAVAILABLE && tlsFailure.isPresent()) {
            err.println("Cannot set up TLS with the pbxhooks server: " + tlsFailure.get().getMessage());
            err.println("Check that it serves TLS at the --server address; if its certificate is signed by a private certificate authority,"
                    + " pass that authority's certificate with --tls-ca FILE (or set PBXHOOKS_TLS_CA).");
            return;
        }
        err.println(switch (status.getCode()) {
            case UNAVAILABLE -> "Cannot reach the pbxhooks server (" + description + "). Is it running at the --server address?";
            case DEADLINE_EXCEEDED -> "The pbxhooks server did not answer in time.";
            case UNAUTHENTICATED -> "Not authenticated: " + description + " (pass --key or set PBXHOOKS_KEY)";
            case PERMISSION_DENIED -> "Permission denied: " + description;
            case NOT_FOUND -> "Not found: " + description;
            case INVALID_ARGUMENT -> "Invalid request: " + description;
            case FAILED_PRECONDITION -> "Cannot do that now: " + description;
            case ALREADY_EXISTS -> "Already exists: " + description;
            case ABORTED -> "Changed by someone else meanwhile: " + description + " (run the command again)";
            case RESOURCE_EXHAUSTED -> "Limit reached: " + description;
            default -> status.getCode() + ": " + description;
        });
    }

    /**
     * A heading with the number of problems, then one line per violation: {@code <field>: <message>}. A violation without
     * a field (the server's "N more violations not shown") is a remark, printed as it is and not counted.
     */
    static void printViolations(String heading, List<BadRequest.FieldViolation> violations, PrintWriter out) {
        long problems = violations.stream().filter(violation -> !violation.getField().isEmpty()).count();
        out.println(problems == 1 ? heading + ":" : heading + " (" + problems + " problems):");
        violations.forEach(violation -> out.println(violation.getField().isEmpty()
                ? violation.getDescription() : violation.getField() + ": " + violation.getDescription()));
    }

    private static <T extends Message> Optional<T> detail(StatusRuntimeException failure, Class<T> type) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status == null) {
            return Optional.empty();
        }
        for (Any detail : status.getDetailsList()) {
            if (detail.is(type)) {
                try {
                    return Optional.of(detail.unpack(type));
                } catch (InvalidProtocolBufferException malformed) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
