package io.pbxhooks.webhook;

import io.pbxhooks.spi.config.SettingRule;
import java.util.Optional;

/**
 * Path arguments are appended to the request URL's path as they are, so they must already be a valid URL path:
 * RFC 3986 path characters and {@code %XX} escapes, no query or fragment, and no empty, {@code .} or {@code ..}
 * segments, escaped or not, which servers and proxies collapse or resolve away. A leading or trailing {@code /} is fine.
 */
final class PathArgumentsRule implements SettingRule {

    private static final String ALLOWED_SYMBOLS = "/-._~!$&'()*+,;=:@%";

    @Override
    public Optional<String> check(String value) {
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            String position = " (character " + (index + 1) + ")";
            if (character == '?') {
                return Optional.of("Path arguments must not contain '?'" + position + ": put query parameters in the request URL");
            }
            if (character == '#') {
                return Optional.of("Path arguments must not contain '#'" + position + ": a fragment is never sent to the receiver");
            }
            if (Character.isWhitespace(character) || Character.isISOControl(character)) {
                return Optional.of("Path arguments must not contain spaces or control characters" + position + "; write a space as %20");
            }
            if (!isLetterOrDigit(character) && ALLOWED_SYMBOLS.indexOf(character) < 0) {
                return Optional.of("Path arguments may contain only letters, digits, / - . _ ~ ! $ & ' ( ) * + , ; = : @ and %XX escapes; found '"
                        + character + "'" + position);
            }
            if (character == '%' && !isEscape(value, index)) {
                return Optional.of("Path arguments contain a '%' that does not start a %XX escape" + position);
            }
        }
        if (value.contains("//")) {
            return Optional.of("Path arguments must not contain empty segments (//)");
        }
        for (String segment : value.split("/")) {
            String decoded = segment.replaceAll("(?i)%2e", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                return Optional.of("Path arguments must not contain '.' or '..' segments");
            }
        }
        return Optional.empty();
    }

    private static boolean isLetterOrDigit(char character) {
        return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') || (character >= '0' && character <= '9');
    }

    private static boolean isEscape(String value, int index) {
        return index + 2 < value.length() && isHexDigit(value.charAt(index + 1)) && isHexDigit(value.charAt(index + 2));
    }

    private static boolean isHexDigit(char character) {
        return Character.digit(character, 16) >= 0 && character < 128;
    }
}
