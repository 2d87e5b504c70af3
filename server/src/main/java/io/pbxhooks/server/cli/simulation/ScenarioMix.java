package io.pbxhooks.server.cli.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * How often each scenario comes up, e.g. {@code ivr=2,answered=3,outbound=2,pickup=1}. Calls go through the mix in
 * rounds (each round holds every scenario as often as its weight, shuffled), so even a short run has each scenario.
 */
public final class ScenarioMix {

    public static final String ALL = "ivr=1,answered=1,outbound=1,pickup=1";

    private final List<Scenario> round;

    private ScenarioMix(List<Scenario> round) {
        this.round = List.copyOf(round);
    }

    /** @throws IllegalArgumentException with a message for people when the text is not a mix */
    public static ScenarioMix parse(String text) {
        List<Scenario> round = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] nameAndWeight = part.split("=", 2);
            Scenario scenario = Scenario.byId(nameAndWeight[0]);
            int weight = nameAndWeight.length == 1 ? 1 : weight(nameAndWeight[1], part);
            round.addAll(Collections.nCopies(weight, scenario));
        }
        if (round.isEmpty()) {
            throw new IllegalArgumentException("name at least one scenario (" + Scenario.known() + ")");
        }
        return new ScenarioMix(round);
    }

    /** The scenario of each of {@code calls} calls. */
    List<Scenario> scenarios(int calls, Random random) {
        List<Scenario> scenarios = new ArrayList<>(calls);
        while (scenarios.size() < calls) {
            List<Scenario> shuffled = new ArrayList<>(round);
            Collections.shuffle(shuffled, random);
            scenarios.addAll(shuffled.subList(0, Math.min(shuffled.size(), calls - scenarios.size())));
        }
        return scenarios;
    }

    private static int weight(String text, String part) {
        try {
            int weight = Integer.parseInt(text.trim());
            if (weight >= 0 && weight <= 1000) {
                return weight;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("'" + part + "': the weight must be a whole number from 0 to 1000");
    }
}
