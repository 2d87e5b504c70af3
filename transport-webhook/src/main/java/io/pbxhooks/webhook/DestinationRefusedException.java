package io.pbxhooks.webhook;

import java.io.IOException;

/** A connection not made because the host's destination policy refused the address; the message is the attempt's detail. */
final class DestinationRefusedException extends IOException {

    DestinationRefusedException(String detail) {
        super(detail);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
