package io.pbxhooks.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one delivery attempt sent and what came back, for the attempt log. Everything in it may be shown to the
 * integration's administrator, so the transport has already replaced every credential and signature with
 * {@link #REDACTED}.
 *
 * @param request         a readable rendering of the request as sent: method and URL, the headers the transport set,
 *                        then the body (at most about 2 KiB of it); a transport keeps it within about 8 KiB
 * @param responseHeaders the response's headers by name, in the order received; empty when there was no response
 * @param responseExcerpt the start of the response body (at most 1 KiB); empty when there was none
 */
public record Exchange(String request, Map<String, List<String>> responseHeaders, String responseExcerpt) {

    /** What stands in for a credential or a signature. */
    public static final String REDACTED = "********";

    public Exchange {
        requireNonNull(request, "request is null");
        requireNonNull(responseHeaders, "responseHeaders is null");
        requireNonNull(responseExcerpt, "responseExcerpt is null");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        responseHeaders.forEach((name, values) -> copy.put(requireNonNull(name, "header name is null"), List.copyOf(values)));
        responseHeaders = Collections.unmodifiableMap(copy);
    }

    /** The exchange of an attempt that got no response (a connection error, a timeout). */
    public static Exchange requestOnly(String request) {
        return new Exchange(request, Map.of(), "");
    }
}
