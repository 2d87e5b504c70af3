package io.pbxhooks.admin.error;

/**
 * Cuts text bound for a status's trailers. Every gRPC client reads at most 8 KiB of trailers by default (status message,
 * percent-encoded, and details, in Base64, together); an error echoing a huge value must still reach the caller.
 */
final class TrailerText {

    private static final String ELLIPSIS = "…";

    private TrailerText() {
    }

    /** {@code text} if its UTF-8 form has at most {@code maxBytes} bytes; otherwise its longest start that fits with "…" added. */
    static String cut(String text, int maxBytes) {
        if (utf8Length(text) <= maxBytes) {
            return text;
        }
        int budget = maxBytes - utf8Length(ELLIPSIS);
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            int bytes = bytes(codePoint);
            if (used + bytes > budget) {
                break;
            }
            cut.appendCodePoint(codePoint);
            used += bytes;
            index += Character.charCount(codePoint);
        }
        return cut.append(ELLIPSIS).toString();
    }

    private static int utf8Length(String text) {
        return text.codePoints().map(TrailerText::bytes).sum();
    }

    private static int bytes(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
