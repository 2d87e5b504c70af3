package io.pbxhooks.admin.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Which deliveries to list. Every filter but the page may be null, meaning any.
 *
 * @param accountId   only this account's; null for every account (an operator's query)
 * @param createdFrom only those created at or after it
 * @param createdTo   only those created before it
 */
public record DeliveryQuery(String accountId, String integrationId, DeliveryState state, Instant createdFrom, Instant createdTo,
                            PageRequest page) {

    public DeliveryQuery {
        requireNonNull(page, "page is null");
    }

    /** Whether {@code delivery} passes the filters (not the page): for stores that filter in memory. */
    public boolean matches(DeliveryRecord delivery) {
        return (accountId == null || delivery.accountId().equals(accountId))
                && (integrationId == null || delivery.integrationId().equals(integrationId))
                && (state == null || delivery.state() == state)
                && (createdFrom == null || !delivery.createTime().isBefore(createdFrom))
                && (createdTo == null || delivery.createTime().isBefore(createdTo));
    }
}
