package io.pbxhooks.admin.port;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One page of a list.
 *
 * @param nextPageToken opaque, made by the store that returned the page and parsed only by it; empty on the last page
 */
public record Page<T>(List<T> items, String nextPageToken) {

    public Page {
        items = List.copyOf(requireNonNull(items, "items is null"));
        requireNonNull(nextPageToken, "nextPageToken is null");
    }

    public boolean isLast() {
        return nextPageToken.isEmpty();
    }
}
