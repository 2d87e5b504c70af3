package io.pbxhooks.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The start of a response body, fit for an attempt's detail: one line, at most {@value #MAXIMUM_LENGTH}
 * characters, with any of the integration's credentials the receiver echoed back blanked out.
 */
final class ResponseSnippet {

    static final int MAXIMUM_LENGTH = 200;

    private ResponseSnippet() {
    }

    static String of(byte[] body, List<String> secrets) {
        // Decode a little more than shown, so a credential cut off at the limit is still recognized.
        int decoded = Math.min(body.length, MAXIMUM_LENGTH * 8);
        String text = SecretBlanking.blank(new String(body, 0, decoded, StandardCharsets.UTF_8), secrets);
        text = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (text.length() > MAXIMUM_LENGTH || decoded < body.length) {
            return text.substring(0, Math.min(text.length(), MAXIMUM_LENGTH)) + "…";
        }
        return text;
    }
}
