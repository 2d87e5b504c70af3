package io.pbxhooks.webhook;

import java.net.URI;
import java.util.Locale;

/**
 * The receiver a request URL reaches, as {@code scheme://host:port} with the default port written out: the unit of the
 * host's per-destination cap, and the key of the HTTP client's connection pools. Path, query and path arguments do not
 * change it: they reach the same server.
 */
final class RequestDestination {

    private RequestDestination() {
    }

    /** @param requestUrl a URL that {@link RequestUrlRule} accepted */
    static String of(String requestUrl) {
        URI url = URI.create(requestUrl);
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
