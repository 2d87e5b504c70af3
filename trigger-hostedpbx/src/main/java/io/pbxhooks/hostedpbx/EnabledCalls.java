package io.pbxhooks.hostedpbx;

import static java.util.stream.Collectors.joining;

import io.pbxhooks.hostedpbx.v1.CallEvent.Extension.CallCategory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code enabled_calls} value: an extension's call categories as labels, comma-separated, in a fixed order. */
final class EnabledCalls {

    /** The catalogue's order, spelled out rather than taken from the proto's numbering. */
    static final List<Map.Entry<CallCategory, String>> LABELS_IN_ORDER = List.of(
            Map.entry(CallCategory.LOCAL, "Local"),
            Map.entry(CallCategory.NATIONAL, "National"),
            Map.entry(CallCategory.MOBILE, "Mobile"),
            Map.entry(CallCategory.INTERNATIONAL, "International"),
            Map.entry(CallCategory.INTERNATIONAL_OTHER, "International Other"),
            Map.entry(CallCategory.PREMIUM, "Premium"),
            Map.entry(CallCategory.OTHER, "Other"));

    static final String SEPARATOR = ",";

    private EnabledCalls() {
    }

    /**
     * The labels of {@code enabled}, each once, in catalogue order, whatever order and repeats they arrive in;
     * {@code CALL_CATEGORY_UNSPECIFIED} and values unknown to this version are ignored. Empty when none is left.
     */
    static String format(Collection<CallCategory> enabled) {
        Set<CallCategory> categories = Set.copyOf(enabled);
        return LABELS_IN_ORDER.stream()
                .filter(label -> categories.contains(label.getKey()))
                .map(Map.Entry::getValue)
                .collect(joining(SEPARATOR));
    }
}
