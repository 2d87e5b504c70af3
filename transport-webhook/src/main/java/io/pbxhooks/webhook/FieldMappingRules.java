package io.pbxhooks.webhook;

import io.pbxhooks.model.FieldMapping;
import io.pbxhooks.model.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every request key is non-blank, at most {@value #MAXIMUM_KEY_LENGTH} characters and used once, since each becomes one
 * JSON member or one query parameter. Keys are compared exactly: JSON keys and query parameter names are case-sensitive.
 * The host checks that the mapped fields exist.
 */
final class FieldMappingRules {

    static final String FIELD_MAPPINGS = "field_mappings";
    static final int MAXIMUM_KEY_LENGTH = 256;

    private FieldMappingRules() {
    }

    static List<Violation> check(List<FieldMapping> mappings) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> firstIndexByKey = new HashMap<>();
        for (int index = 0; index < mappings.size(); index++) {
            String key = mappings.get(index).requestKey();
            String path = FIELD_MAPPINGS + "[" + index + "].request_key";
            if (key.isBlank()) {
                violations.add(new Violation(path, "Request key is required"));
                continue;
            }
            if (key.length() > MAXIMUM_KEY_LENGTH) {
                violations.add(new Violation(path, "Request key must be at most " + MAXIMUM_KEY_LENGTH + " characters (it has " + key.length() + ")"));
                continue;
            }
            Integer first = firstIndexByKey.putIfAbsent(key, index);
            if (first != null) {
                violations.add(new Violation(path, "Request key \"" + key + "\" is already used by " + FIELD_MAPPINGS + "[" + first + "]"));
            }
        }
        return violations;
    }
}
