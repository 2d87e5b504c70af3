package io.pbxhooks.spi;

/** A raw event its trigger plugin cannot decode: the producer's error, reported back as REJECTED with this message. */
public class MalformedEventException extends Exception {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
