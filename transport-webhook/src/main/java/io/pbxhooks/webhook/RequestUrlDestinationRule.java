package io.pbxhooks.webhook;

import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.DestinationPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * When an integration is saved, refuses a request URL whose host is an IP address the host's policy refuses, however
 * it is written. Host names are not looked up here: what they resolve to can change, so it is checked on every
 * connection instead ({@link CheckedAddressResolver}).
 */
final class RequestUrlDestinationRule {

    private RequestUrlDestinationRule() {
    }

    /** @param requestUrl a request URL that {@link RequestUrlRule} accepted */
    static Optional<Violation> check(String requestUrl, DestinationPolicy policy) {
        String host;
        try {
            host = new URI(requestUrl).getHost();
        } catch (URISyntaxException invalid) {
            return Optional.empty();
        }
        if (host == null) {
            return Optional.empty();
        }
        for (InetAddress address : HostLiterals.addresses(host)) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                return Optional.of(new Violation(WebhookSchema.REQUEST_URL,
                        "Request URL points to an address deliveries are refused to: " + refusal.get()));
            }
        }
        return Optional.empty();
    }
}
