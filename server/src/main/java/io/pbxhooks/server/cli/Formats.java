package io.pbxhooks.server.cli;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** How values read in a terminal, and reading every page of a list. */
final class Formats {

    private Formats() {
    }

    /** ISO-8601 UTC to the second, or empty when unset. */
    static String time(Timestamp timestamp) {
        if (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0) {
            return "";
        }
        return Instant.ofEpochSecond(timestamp.getSeconds()).toString();
    }

    static String millis(Duration duration) {
        return (duration.getSeconds() * 1000 + duration.getNanos() / 1_000_000) + " ms";
    }

    /** An enum constant as people write it: {@code RETRY_SCHEDULED} → {@code retry_scheduled}. */
    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Every item of a paged list, fetching pages until the last one or until {@code limit} items.
     *
     * @param page fetches the page after the given token ("" for the first)
     */
    static <R, T> List<T> allPages(Function<String, R> page, Function<R, List<T>> items, Function<R, String> nextPageToken, int limit) {
        List<T> all = new ArrayList<>();
        String token = "";
        do {
            R response = page.apply(token);
            all.addAll(items.apply(response));
            token = nextPageToken.apply(response);
        } while (!token.isEmpty() && all.size() < limit);
        return all.size() > limit ? all.subList(0, limit) : all;
    }
}
