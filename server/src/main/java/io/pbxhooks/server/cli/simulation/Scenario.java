package io.pbxhooks.server.cli.simulation;

import java.util.Arrays;
import java.util.Locale;

/** The calls the simulator places, each a short sequence of PBX call events. */
public enum Scenario {

    IVR("inbound call -> IVR -> option selected -> answered (4 events, 4 trigger events)"),
    ANSWERED("inbound call answered directly (2 events, 2 trigger events)"),
    OUTBOUND("outbound call placed, answered by the far end (2 events, 1 trigger event)"),
    PICKUP("inbound call picked up with ** by another user (2 events, 1 trigger event: a pickup is never Inbound Call Answered)");

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    /** As written on the command line, e.g. {@code ivr}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    static Scenario byId(String id) {
        return Arrays.stream(values()).filter(scenario -> scenario.id().equals(id.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "' (known: " + known() + ")"));
    }

    static String known() {
        return String.join(", ", Arrays.stream(values()).map(Scenario::id).toList());
    }
}
