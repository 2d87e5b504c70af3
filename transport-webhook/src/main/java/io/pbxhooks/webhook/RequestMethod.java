package io.pbxhooks.webhook;

/** The HTTP method of the webhook request. GET exists for legacy receivers and carries no body. */
public enum RequestMethod {
    POST,
    GET
}
