package io.pbxhooks.server.cli;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.PrintWriter;
import java.util.List;
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
        List<BadRequest.FieldViolation> violations = fieldViolations(failure);
        if (!violations.isEmpty()) {
            err.println(violations.size() == 1 ? "Invalid request:" : "Invalid request (" + violations.size() + " problems):");
            printViolations(violations, err);
            return;
        }
        String description = status.getDescription() == null ? "" : status.getDescription();
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
            default -> status.getCode() + ": " + description;
        });
    }

    /** One line per violation: {@code <field>: <message>}. */
    static void printViolations(List<BadRequest.FieldViolation> violations, PrintWriter out) {
        violations.forEach(violation -> out.println(violation.getField() + ": " + violation.getDescription()));
    }

    private static List<BadRequest.FieldViolation> fieldViolations(StatusRuntimeException failure) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status == null) {
            return List.of();
        }
        for (Any detail : status.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                try {
                    return detail.unpack(BadRequest.class).getFieldViolationsList();
                } catch (InvalidProtocolBufferException malformed) {
                    return List.of();
                }
            }
        }
        return List.of();
    }
}
