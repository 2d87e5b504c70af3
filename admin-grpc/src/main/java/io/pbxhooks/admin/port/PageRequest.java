package io.pbxhooks.admin.port;

import static java.util.Objects.requireNonNull;

/**
 * Which page of a list to return.
 *
 * @param size  how many items at most, 1 to {@link #MAX_SIZE} (the service has already applied the default and the bound)
 * @param token empty for the first page, else a {@link Page#nextPageToken()} the same store returned for the same list
 */
public record PageRequest(int size, String token) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE + ", not " + size);
        }
        requireNonNull(token, "token is null");
    }

    public static PageRequest first(int size) {
        return new PageRequest(size, "");
    }

    public boolean isFirst() {
        return token.isEmpty();
    }
}
