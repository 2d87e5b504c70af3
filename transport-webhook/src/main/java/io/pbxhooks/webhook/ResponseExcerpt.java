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
    private static final String CUT = "…";

    private ResponseExcerpt() {
    }

    static String of(byte[] body, List<String> secrets) {
        // Decode more than shown, so a credential cut off at the limit is still recognized.
        int decoded = Math.min(body.length, MAXIMUM_LENGTH * 8);
        String text = SecretBlanking.blank(new String(body, 0, decoded, StandardCharsets.UTF_8), secrets);
        text = text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        if (text.length() > MAXIMUM_LENGTH || decoded < body.length) {
            return TextCut.atMost(text, MAXIMUM_LENGTH - CUT.length()) + CUT;
        }
        return text;
    }
}
