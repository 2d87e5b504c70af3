package io.pbxhooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.pbxhooks.model.DeliveryResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    private static final Duration TIMEOUT = Duration.ofMillis(2500);

    @Test
    void everyFailureButARefusedDestinationIsRetryableWithoutAStatus() {
        assertEquals(DeliveryResult.retryable(0, null, "connection refused"),
                FailureClassifier.classify(new HttpClientException("Connect Error", new ConnectException("Connection refused")), TIMEOUT));
    }

    @Test
    void aDestinationThePolicyRefusedIsFinalWithThePolicysReason() {
        String detail = "refused: 10.0.0.5 is a private address";
        assertEquals(DeliveryResult.refused(detail),
                FailureClassifier.classify(new HttpClientException("Connect Error", new DestinationRefusedException(detail)), TIMEOUT));
    }

    @Test
    void describesTheCauseFoundAnywhereInTheChain() {
        assertEquals("no complete response within the timeout of 2500 ms", describe(new TimeoutException()));
        assertEquals("no complete response within the timeout of 2500 ms", describe(ReadTimeoutException.TIMEOUT_EXCEPTION));
        assertEquals("unknown host: hooks.example.invalid", describe(new HttpClientException("x", new UnknownHostException("hooks.example.invalid"))));
        assertEquals("no route to host", describe(new NoRouteToHostException("No route to host")));
        assertEquals("could not connect: Network is unreachable", describe(new ConnectException("Network is unreachable")));
        assertEquals("TLS failed: Received fatal alert: handshake_failure",
                describe(new IOException(new SSLHandshakeException("Received fatal alert: handshake_failure"))));
        assertEquals("response body arrived faster than it could be read", describe(new BufferLengthExceededException(1024 * 1024, 1_100_000)));
    }

    @Test
    void aCertificateThatIsNotAcceptedSaysSoWithTheVerifiersReason() {
        SSLHandshakeException unknownAuthority = new SSLHandshakeException("PKIX path building failed: unable to find valid certification path");
        unknownAuthority.initCause(new CertificateException("PKIX path building failed",
                new CertPathBuilderException("unable to find valid certification path to requested target")));
        assertEquals("TLS certificate not accepted: unable to find valid certification path to requested target",
                describe(new IOException(unknownAuthority)));
        SSLHandshakeException otherHost = new SSLHandshakeException("No subject alternative names present");
        otherHost.initCause(new CertificateException("No subject alternative DNS name matching hooks.example.com found."));
        assertEquals(DeliveryResult.retryable(0, null, "TLS certificate not accepted: No subject alternative DNS name matching hooks.example.com found."),
                FailureClassifier.classify(otherHost, TIMEOUT));
    }

    @Test
    void anythingElseIsSummarizedOnOneShortLine() {
        assertEquals("request failed: something\nodd".replace("\n", " "), describe(new IllegalStateException("something\nodd")));
        assertEquals("request failed: IllegalStateException", describe(new IllegalStateException()));
        assertEquals("request failed: " + "m".repeat(160) + "…", describe(new RuntimeException("m".repeat(500))));
    }

    private static String describe(Throwable failure) {
        return FailureClassifier.describe(failure, TIMEOUT);
    }
}
