package io.pbxhooks.webhook;

/** Character rules of HTTP header names and values (RFC 9110, which keeps RFC 7230's grammar). */
final class HttpText {

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private HttpText() {
    }

    /** A token: one or more letters, digits or {@code !#$%&'*+-.^_`|~}, the only characters a header name may have. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            boolean letterOrDigit = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')
                    || (character >= '0' && character <= '9');
            if (!letterOrDigit && TOKEN_SYMBOLS.indexOf(character) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Printable ASCII, spaces and tabs only. This excludes CR, LF and NUL (which would split or truncate the
     * header) and non-ASCII text, which receivers decode inconsistently.
     */
    static boolean isSafeHeaderValue(String text) {
        return text.chars().allMatch(character -> character == '\t' || (character >= 0x20 && character <= 0x7e));
    }

    /** Printable ASCII without spaces: what a bearer token or a similar credential may contain. */
    static boolean isVisibleAscii(String text) {
        return text.chars().allMatch(character -> character >= 0x21 && character <= 0x7e);
    }

    static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(character -> character < 0x20 || character == 0x7f);
    }
}
