package io.pbxhooks.webhook;

import io.pbxhooks.model.Exchange;
import java.util.List;

/** Replaces the integration's credentials wherever they appear in text the attempt log keeps. */
final class SecretBlanking {

    /** Shorter credentials are not blanked: they would mangle ordinary text, and a leak of them says little. */
    static final int SHORTEST_BLANKED = 4;

    private SecretBlanking() {
    }

    static String blank(String text, List<String> secrets) {
        String blanked = text;
        for (String secret : secrets) {
            if (secret.length() >= SHORTEST_BLANKED) {
                blanked = blanked.replace(secret, Exchange.REDACTED);
            }
        }
        return blanked;
    }
}
