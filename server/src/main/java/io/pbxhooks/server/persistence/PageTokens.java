package io.pbxhooks.server.persistence;

import io.pbxhooks.admin.error.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Keyset page tokens: the sort key of the last item of a page (a time and an id), opaque to clients.
 * The list name is included so a token of one list is refused by another.
 */
final class PageTokens {

    record Position(Instant time, String id) {

        /** The id of a list keyed by a number (audit entries). */
        long numericId() {
            try {
                return Long.parseLong(id);
            } catch (NumberFormatException notANumber) {
                throw invalid();
            }
        }
    }

    private PageTokens() {
    }

    static String encode(String list, Instant time, String id) {
        String text = list + "|" + time.toEpochMilli() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String list, String id) {
        return encode(list, Instant.EPOCH, id);
    }

    static Position decode(String list, String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length == 3 && parts[0].equals(list)) {
                return new Position(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
            }
        } catch (IllegalArgumentException malformed) {
            // Reported below like any other foreign token.
        }
        throw invalid();
    }

    private static InvalidArgumentException invalid() {
        return InvalidArgumentException.of("page_token", "is not a page token of this list; pass the next_page_token of the previous page, or nothing for the first page");
    }
}
