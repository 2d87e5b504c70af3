package io.pbxhooks.admin.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stored account.
 *
 * @param id           the account id the PBX platform puts on its events
 * @param applications the ids of the applications switched on, e.g. {@code service-integrations}
 */
public record AccountRecord(String id, String displayName, Set<String> applications, Instant createTime) {

    public AccountRecord {
        requireNonNull(id, "id is null");
        requireNonNull(displayName, "displayName is null");
        applications = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(applications, "applications is null")));
        requireNonNull(createTime, "createTime is null");
    }

    public boolean hasApplication(String application) {
        return applications.contains(application);
    }
}
