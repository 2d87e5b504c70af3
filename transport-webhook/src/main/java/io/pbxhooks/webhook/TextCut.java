package io.pbxhooks.webhook;

/** Shortens text to a number of characters without splitting a character outside the Basic Multilingual Plane. */
final class TextCut {

    private TextCut() {
    }

    static String atMost(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }
}
