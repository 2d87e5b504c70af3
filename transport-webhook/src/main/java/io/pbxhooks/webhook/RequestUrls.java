package io.pbxhooks.webhook;

/**
 * Joins URL parts as text, so whatever escaping the administrator wrote stays exactly as written. The request URL
 * has no fragment (validation ensures it), so its query is everything after the first {@code ?}.
 */
final class RequestUrls {

    private RequestUrls() {
    }

    /** {@code pathArguments} appended to the path of {@code requestUrl}, one {@code /} between them, the query kept. */
    static String withPathArguments(String requestUrl, String pathArguments) {
        if (pathArguments.isEmpty()) {
            return requestUrl;
        }
        int queryStart = requestUrl.indexOf('?');
        String beforeQuery = queryStart < 0 ? requestUrl : requestUrl.substring(0, queryStart);
        String query = queryStart < 0 ? "" : requestUrl.substring(queryStart);
        String base = beforeQuery.endsWith("/") ? beforeQuery.substring(0, beforeQuery.length() - 1) : beforeQuery;
        String path = pathArguments.startsWith("/") ? pathArguments : "/" + pathArguments;
        return base + path + query;
    }

    /** {@code query} added to the query string of {@code url}, after any parameters it already has. */
    static String withQuery(String url, String query) {
        if (query.isEmpty()) {
            return url;
        }
        int queryStart = url.indexOf('?');
        if (queryStart < 0) {
            return url + "?" + query;
        }
        boolean needsSeparator = queryStart < url.length() - 1 && !url.endsWith("&");
        return url + (needsSeparator ? "&" : "") + query;
    }
}
