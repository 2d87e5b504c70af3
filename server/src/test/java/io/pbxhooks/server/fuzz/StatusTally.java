package io.pbxhooks.server.fuzz;

import io.grpc.Status;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How many replies of each status code, in all and per method, and of each event outcome. */
final class StatusTally {

    private final Map<Status.Code, Integer> total = new EnumMap<>(Status.Code.class);
    private final Map<String, Map<Status.Code, Integer>> perMethod = new TreeMap<>();
    private final Map<String, Integer> eventOutcomes = new TreeMap<>();
    private final Map<Status.Code, String> examples = new EnumMap<>(Status.Code.class);

    void record(String method, Status status) {
        Status.Code code = status.getCode();
        examples.putIfAbsent(code, method + ": " + cut(String.valueOf(status.getDescription())));
        total.merge(code, 1, Integer::sum);
        perMethod.computeIfAbsent(method, absent -> new EnumMap<>(Status.Code.class)).merge(code, 1, Integer::sum);
    }

    void recordEvent(String outcome) {
        eventOutcomes.merge(outcome, 1, Integer::sum);
    }

    int count(String method, Status.Code code) {
        return perMethod.getOrDefault(method, Map.of()).getOrDefault(code, 0);
    }

    private static String cut(String text) {
        String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }

    int total() {
        return total.values().stream().mapToInt(Integer::intValue).sum();
    }

    String describe() {
        StringBuilder text = new StringBuilder("  by status: ").append(total).append('\n');
        perMethod.forEach((method, codes) -> text.append("  ").append(method).append(": ").append(codes).append('\n'));
        examples.forEach((code, example) -> text.append("  e.g. ").append(code).append(" from ").append(example).append('\n'));
        text.append("  events: ").append(eventOutcomes.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ")));
        return text.toString();
    }
}
