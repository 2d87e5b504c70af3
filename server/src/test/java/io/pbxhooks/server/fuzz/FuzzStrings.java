package io.pbxhooks.server.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Strings that break things: empty and blank, lengths on and around every limit, CR/LF and other control characters,
 * unusual Unicode (combining marks, bidi overrides, emoji, unpaired surrogates), injection attempts, odd URLs, values
 * the server knows (so that requests get past the first check), random text and, rarely, a huge value. None contains
 * a Java class name or "Exception", so those words in a reply can only come from the server.
 */
final class FuzzStrings {

    private static final int[] BOUNDARY_LENGTHS = {1, 2, 63, 64, 65, 99, 100, 101, 127, 128, 129, 199, 200, 201, 255, 256, 500, 999, 1000,
            1001, 2047, 2048, 2049, 4096, 8192, 65535, 65536, 70000};
    private static final List<String> SPECIAL = List.of(
            " ", "   ", "\t", "\n", "\r\n", "X-Evil\r\nInjected: yes", "value\nwith: newline", "a\rb", "\u0000", "nul\u0000inside",
            "\u0007\u0008\u001b[31m", "\u007f", "\u0085", "\u2028\u2029", "Zoë Nguyen", "日本語の名前", "📞☎️📟", "\u202Eevil\u202C",
            "e\u0301\u0301\u0301", "\u200B", "\uFEFFbom", "\uD800", "\uDC00lonely", "x\uD83D", "\uFFFF\uFFFE", "' OR '1'='1",
            "\"; DROP TABLE integrations; --", "${jndi:ldap://127.0.0.1/a}", "%00%0d%0a", "../../../etc/passwd", "<script>alert(1)</script>",
            "{{7*7}}", "-1", "0", "9223372036854775808", "NaN", "true", "null", "[]", "{}", "\\", "%", "_", "*", "..", "/",
            "http://127.0.0.1:1/hooks", "https://hooks.invalid/x", "http://[::1]/x", "http://169.254.169.254/latest/meta-data",
            "http://2130706433/", "http://0x7f000001/", "ftp://hooks.invalid/", "http://user:pass@hooks.invalid/", "http://hooks.invalid/#frag",
            "javascript:alert(1)", "http://", "https://", "//hooks.invalid", "http://hooks.invalid:99999/", "http://[::ffff:10.0.0.1]/",
            "whsec_", "whsec_!!!!", "whsec_" + "A".repeat(44), "PT5S", "5s", "-5", "100000");

    private final Random random;
    private final List<String> known;

    /** @param known values the server knows (ids, names from the catalogue), used often so requests reach deeper checks */
    FuzzStrings(Random random, List<String> known) {
        this.random = random;
        this.known = List.copyOf(known);
    }

    String next() {
        int roll = random.nextInt(100);
        if (roll < 22) {
            return known.get(random.nextInt(known.size()));
        }
        if (roll < 44) {
            return SPECIAL.get(random.nextInt(SPECIAL.size()));
        }
        if (roll < 54) {
            return repeat(BOUNDARY_LENGTHS[random.nextInt(BOUNDARY_LENGTHS.length)]);
        }
        if (roll < 64) {
            return known.get(random.nextInt(known.size())) + SPECIAL.get(random.nextInt(SPECIAL.size()));
        }
        if (roll < 70) {
            return "";
        }
        if (roll == 70 && random.nextInt(4) == 0) {
            return "h".repeat(1_200_000 + random.nextInt(1000));
        }
        return randomText(1 + random.nextInt(40));
    }

    /** A string of exactly {@code length} characters, plain or mixed. */
    private String repeat(int length) {
        if (random.nextBoolean()) {
            return "a".repeat(length);
        }
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(randomCharacter());
        }
        return text.substring(0, length);
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < length; index++) {
            text.append(randomCharacter());
        }
        return text.toString();
    }

    private char randomCharacter() {
        return switch (random.nextInt(8)) {
            case 0 -> (char) random.nextInt(0x20);
            case 1 -> (char) (0x80 + random.nextInt(0x780));
            case 2 -> (char) (0xD800 + random.nextInt(0x800));
            case 3 -> (char) (0x3000 + random.nextInt(0x5000));
            default -> (char) (0x20 + random.nextInt(0x5f));
        };
    }
}
