package io.pbxhooks.admin;

import io.pbxhooks.admin.error.InvalidArgumentException;
import io.pbxhooks.admin.port.PageRequest;

/** A request's page_size and page_token as a {@link PageRequest}: 0 means the default, too large means the maximum. */
final class PageRequests {

    private PageRequests() {
    }

    static PageRequest of(int pageSize, String pageToken) {
        if (pageSize < 0) {
            throw InvalidArgumentException.of("page_size", "page_size must not be negative (0 means " + PageRequest.DEFAULT_SIZE + ")");
        }
        int size = pageSize == 0 ? PageRequest.DEFAULT_SIZE : Math.min(pageSize, PageRequest.MAX_SIZE);
        return new PageRequest(size, pageToken);
    }
}
