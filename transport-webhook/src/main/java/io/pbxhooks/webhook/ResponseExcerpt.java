package io.pbxhooks.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The start of a response body for the attempt log: at most {@value #MAXIMUM_LENGTH} characters, line breaks and
 * tabs kept, other control characters dropped, and any of the integration's credentials the receiver echoed back
 * blanked out.
 */
final class ResponseExcerpt {

    static final int MAXIMUM_LENGTH = 1024;
    /** Decoded for an excerpt: more than shown, so a credential cut off at the limit is still recognized. */
    static final int DECODED_BYTES = MAXIMUM_LENGTH * 8;
    /** Read of a response body: one byte more than is decoded, so a longer body is known to be cut. */
    static final int BYTES_READ = DECODED_BYTES + 1;
    private static final String CUT = "…";

    private ResponseExcerpt() {
    }

    /** @param body the body, or its first {@value #BYTES_READ} bytes or more */
    static String of(byte[] body, List<String> secrets) {
        int decoded = Math.min(body.length, DECODED_BYTES);
        String text = SecretBlanking.blank(new String(body, 0, decoded, StandardCharsets.UTF_8), secrets);
        text = text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        if (text.length() > MAXIMUM_LENGTH || decoded < body.length) {
            return TextCut.atMost(text, MAXIMUM_LENGTH - CUT.length()) + CUT;
        }
        return text;
    }
}
