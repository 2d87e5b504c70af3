package io.pbxhooks.admin.fake;

import io.pbxhooks.admin.error.InvalidArgumentException;
import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.port.PageRequest;
import java.util.List;

/** Offset pagination over an already ordered list; tokens look like {@code offset:50}. */
final class InMemoryPages {

    private static final String PREFIX = "offset:";

    private InMemoryPages() {
    }

    static <T> Page<T> page(List<T> ordered, PageRequest request) {
        int offset = request.isFirst() ? 0 : offset(request.token());
        int from = Math.min(offset, ordered.size());
        int to = Math.min(ordered.size(), from + request.size());
        return new Page<>(ordered.subList(from, to), to < ordered.size() ? PREFIX + to : "");
    }

    private static int offset(String token) {
        try {
            if (token.startsWith(PREFIX)) {
                return Integer.parseInt(token.substring(PREFIX.length()));
            }
        } catch (NumberFormatException ignored) {
            // Reported below like any other foreign token.
        }
        throw InvalidArgumentException.of("page_token", "page_token is not a token this list returned");
    }
}
