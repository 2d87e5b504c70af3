package io.pbxhooks.admin.port;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Which integrations of one account to list.
 *
 * @param triggerServiceType null for any
 * @param triggerEvent       null for any
 * @param enabled            null for any, else only the enabled (true) or the disabled (false) ones
 */
public record IntegrationQuery(String accountId, String triggerServiceType, String triggerEvent, Boolean enabled, PageRequest page) {

    public IntegrationQuery {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(page, "page is null");
    }

    public Optional<String> triggerServiceTypeFilter() {
        return Optional.ofNullable(triggerServiceType);
    }

    public Optional<String> triggerEventFilter() {
        return Optional.ofNullable(triggerEvent);
    }

    public Optional<Boolean> enabledFilter() {
        return Optional.ofNullable(enabled);
    }

    /** Whether {@code integration} passes the filters (not the page): for stores that filter in memory. */
    public boolean matches(IntegrationRecord integration) {
        return integration.accountId().equals(accountId)
                && (triggerServiceType == null || integration.triggerServiceType().equals(triggerServiceType))
                && (triggerEvent == null || integration.triggerEvent().equals(triggerEvent))
                && (enabled == null || integration.enabled() == enabled);
    }
}
