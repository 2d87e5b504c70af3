package io.pbxhooks.webhook;

/** How the payload is written: a JSON object body, or a URL-encoded query string (in the URL for GET, as a form body for POST). */
public enum PayloadFormat {
    JSON,
    QUERY
}
