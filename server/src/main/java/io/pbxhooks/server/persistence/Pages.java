package io.pbxhooks.server.persistence;

import io.pbxhooks.admin.port.Page;
import io.pbxhooks.admin.port.PageRequest;
import java.util.List;
import java.util.function.Function;

/** Turns the {@code size + 1} rows a keyset query fetched into a page and, if there is more, the next token. */
final class Pages {

    private Pages() {
    }

    static <T> Page<T> of(List<T> fetched, PageRequest page, Function<T, String> tokenAfter) {
        if (fetched.size() <= page.size()) {
            return new Page<>(fetched, "");
        }
        List<T> items = fetched.subList(0, page.size());
        return new Page<>(items, tokenAfter.apply(items.get(items.size() - 1)));
    }
}
