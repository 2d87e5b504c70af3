package io.pbxhooks.server.reliability;

import io.pbxhooks.server.reliability.CallTraffic.PlannedEvent;
import io.pbxhooks.server.reliability.CountingReceiver.Arrival;
import io.pbxhooks.server.reliability.Tenants.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long each delivery took to reach the receiver after the producer was first told its event was acknowledged:
 * the first arrival of each {@code (path, call UUID)} reference minus that acknowledgement, on the wall clock.
 */
record DeliveryDelays(Map<String, Long> millisByReference) {

    static DeliveryDelays of(List<PlannedEvent> acknowledged, Map<String, Tenant> tenantsByAccount, List<Arrival> arrivals, ProducerLedger ledger) {
        Map<String, Long> firstArrival = new HashMap<>();
        arrivals.forEach(arrival -> firstArrival.merge(arrival.reference(), arrival.wallMillis(), Math::min));
        Map<String, Long> delays = new HashMap<>();
        for (PlannedEvent event : acknowledged) {
            for (String path : tenantsByAccount.get(event.accountId()).paths(event.fires())) {
                String reference = path + " " + event.callUuid();
                Long arrived = firstArrival.get(reference);
                if (arrived != null) {
                    delays.put(reference, arrived - ledger.firstAcknowledgedAtMillis(event.eventId()));
                }
            }
        }
        return new DeliveryDelays(Map.copyOf(delays));
    }

    /** The longest delay and its reference, if anything arrived. */
    Optional<Map.Entry<String, Long>> longest() {
        return millisByReference.entrySet().stream().max(Map.Entry.comparingByValue());
    }

    /** The references delayed more than {@code millis}. */
    Map<String, Long> over(long millis) {
        Map<String, Long> late = new HashMap<>();
        millisByReference.forEach((reference, delay) -> {
            if (delay > millis) {
                late.put(reference, delay);
            }
        });
        return late;
    }
}
