package io.pbxhooks.server.reliability;

import io.pbxhooks.server.reliability.CallTraffic.PlannedEvent;
import io.pbxhooks.server.reliability.CountingReceiver.Arrival;
import io.pbxhooks.server.reliability.Tenants.Tenant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The producers' acknowledgements against the receiver's arrivals. An acknowledged event must reach every integration
 * of its account whose trigger event it fires: a {@code (path, call UUID)} reference each. A {@code webhook-id} that
 * arrived more than once is a duplicate; a reference that arrived under two webhook-ids would be an event stored twice.
 */
record DeliveryLedger(int eventsAcknowledged, int deliveriesExpected, int delivered, Set<String> lost, int requests,
                      Set<String> duplicatedWebhookIds, int duplicateRequests, Set<String> unexpected, Set<String> storedTwice) {

    static DeliveryLedger of(List<PlannedEvent> acknowledged, Map<String, Tenant> tenantsByAccount, List<Arrival> arrivals) {
        Set<String> expected = new HashSet<>();
        for (PlannedEvent event : acknowledged) {
            tenantsByAccount.get(event.accountId()).paths(event.fires()).forEach(path -> expected.add(path + " " + event.callUuid()));
        }
        Map<String, Integer> timesById = new HashMap<>();
        Map<String, Set<String>> idsByReference = new HashMap<>();
        for (Arrival arrival : arrivals) {
            timesById.merge(arrival.webhookId(), 1, Integer::sum);
            idsByReference.computeIfAbsent(arrival.reference(), reference -> new HashSet<>()).add(arrival.webhookId());
        }
        Set<String> lost = new TreeSet<>(expected);
        lost.removeAll(idsByReference.keySet());
        Set<String> unexpected = new TreeSet<>(idsByReference.keySet());
        unexpected.removeAll(expected);
        Set<String> duplicated = new TreeSet<>();
        timesById.forEach((id, times) -> {
            if (times > 1) {
                duplicated.add(id);
            }
        });
        Set<String> storedTwice = new TreeSet<>();
        idsByReference.forEach((reference, ids) -> {
            if (ids.size() > 1) {
                storedTwice.add(reference);
            }
        });
        return new DeliveryLedger(acknowledged.size(), expected.size(), expected.size() - lost.size(), lost, arrivals.size(),
                duplicated, arrivals.size() - timesById.size(), unexpected, storedTwice);
    }

    /** The figures, one per line, under a title. */
    String figures(String title) {
        return String.join("\n",
                "== " + title,
                "   events acknowledged        " + eventsAcknowledged,
                "   deliveries expected        " + deliveriesExpected,
                "   delivered (at least once)  " + delivered,
                "   requests received          " + requests,
                "   duplicates                 " + duplicateRequests + " extra requests, " + duplicatedWebhookIds.size() + " webhook-ids",
                "   lost                       " + lost.size() + (lost.isEmpty() ? "" : " e.g. " + first(lost)),
                "   unexpected                 " + unexpected.size() + (unexpected.isEmpty() ? "" : " e.g. " + first(unexpected)),
                "   events stored twice        " + storedTwice.size());
    }

    private static String first(Set<String> values) {
        return values.stream().limit(3).toList().toString();
    }
}
