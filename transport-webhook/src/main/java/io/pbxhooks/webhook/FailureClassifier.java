package io.pbxhooks.webhook;

import io.micronaut.http.client.exceptions.ContentLengthExceededException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.client.exceptions.ResponseClosedException;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.pbxhooks.model.DeliveryResult;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Classifies an attempt that got no response. A destination the host's policy refused is final; every other such
 * failure may be transient (a receiver restarting, a network partition, an expired or wrongly issued certificate about
 * to be replaced), so it is retryable and the host's schedule decides when to stop. A certificate that is not accepted
 * says so, with the verifier's reason. The detail is short text for a person, never a stack trace.
 */
final class FailureClassifier {

    private FailureClassifier() {
    }

    static DeliveryResult classify(Throwable failure, Duration timeout) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DestinationRefusedException refused) {
                return DeliveryResult.refused(refused.getMessage());
            }
        }
        return DeliveryResult.retryable(0, null, describe(failure, timeout));
    }

    static String describe(Throwable failure, Duration timeout) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException) {
                return "no complete response within the timeout of " + timeout.toMillis() + " ms";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host" + suffix(cause);
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (cause instanceof ConnectException) {
                String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
                return message.contains("refused") ? "connection refused" : "could not connect" + suffix(cause);
            }
            if (cause instanceof SSLException) {
                return untrustedCertificate(cause).map(certificate -> "TLS certificate not accepted" + suffix(certificate))
                        .orElse("TLS failed" + suffix(cause));
            }
            if (cause instanceof ResponseClosedException || cause instanceof ClosedChannelException) {
                return "connection closed before a complete response";
            }
            // The sender reads a body only as far as its excerpt, so these mean the client buffered more than its bound
            // before the sender could start reading.
            if (cause instanceof ContentLengthExceededException || cause instanceof BufferLengthExceededException) {
                return "response body arrived faster than it could be read";
            }
        }
        return "request failed" + suffix(failure);
    }

    /** The innermost certificate problem under a TLS failure (an unknown authority, an expired certificate, another host's name). */
    private static Optional<Throwable> untrustedCertificate(Throwable tlsFailure) {
        Throwable found = null;
        for (Throwable cause = tlsFailure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException || cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                found = cause;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String suffix(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return ": " + failure.getClass().getSimpleName();
        }
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return ": " + (oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine);
    }
}
