package io.pbxhooks.admin;

import static java.util.Objects.requireNonNull;

import io.pbxhooks.admin.error.InvalidArgumentException;
import io.pbxhooks.admin.port.DeliveryQuery;
import io.pbxhooks.admin.port.DeliveryState;
import io.pbxhooks.admin.port.PageRequest;
import io.pbxhooks.admin.port.Principal;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.ListDeliveriesRequest;
import io.pbxhooks.model.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** A ListDeliveries request as a {@link DeliveryQuery}; every invalid field is reported at once. */
final class DeliveryQueries {

    private final Access access;

    DeliveryQueries(Access access) {
        this.access = requireNonNull(access, "access is null");
    }

    DeliveryQuery of(Principal caller, ListDeliveriesRequest request) {
        List<Violation> violations = new ArrayList<>();
        DeliveryState state = state(request, violations);
        Instant from = request.hasCreateTimeFrom()
                ? orViolation(() -> Timestamps.toInstant(request.getCreateTimeFrom(), "create_time_from"), violations) : null;
        Instant to = request.hasCreateTimeTo()
                ? orViolation(() -> Timestamps.toInstant(request.getCreateTimeTo(), "create_time_to"), violations) : null;
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(new Violation("create_time_to", "create_time_to must not be before create_time_from"));
        }
        PageRequest page = orViolation(() -> PageRequests.of(request.getPageSize(), request.getPageToken()), violations);
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
        String accountId = access.accountFilter(caller, request.getAccountId(), "account_id");
        String integrationId = request.getIntegrationId().isEmpty() ? null : request.getIntegrationId();
        return new DeliveryQuery(accountId, integrationId, state, from, to, page);
    }

    private static DeliveryState state(ListDeliveriesRequest request, List<Violation> violations) {
        Delivery.State state = request.getState();
        if (state == Delivery.State.STATE_UNSPECIFIED) {
            return null;
        }
        if (state == Delivery.State.UNRECOGNIZED) {
            violations.add(new Violation("state", "state " + request.getStateValue() + " is unknown (expected "
                    + Arrays.stream(DeliveryState.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")"));
            return null;
        }
        return DeliveryState.valueOf(state.name());
    }

    /** The parsed value, or null with its violations added. */
    private static <T> T orViolation(Supplier<T> parse, List<Violation> violations) {
        try {
            return parse.get();
        } catch (InvalidArgumentException invalid) {
            violations.addAll(invalid.violations());
            return null;
        }
    }
}
