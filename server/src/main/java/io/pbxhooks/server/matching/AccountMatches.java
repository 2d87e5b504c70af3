package io.pbxhooks.server.matching;

import java.util.List;
import java.util.Map;

/**
 * What one account's events can match: whether its Service Integrations application is on, and its enabled
 * integrations' ids by trigger ({@code serviceType + "/" + eventType}).
 */
record AccountMatches(boolean applicationOn, Map<String, List<String>> integrationsByTrigger) {

    static String trigger(String serviceType, String eventType) {
        return serviceType + "/" + eventType;
    }

    List<String> match(String serviceType, String eventType) {
        if (!applicationOn) {
            return List.of();
        }
        return integrationsByTrigger.getOrDefault(trigger(serviceType, eventType), List.of());
    }
}
