package io.pbxhooks.admin;

import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.config.SettingDescriptor;
import io.pbxhooks.spi.config.TransportConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * On update, secrets are write-only, so a request that leaves one empty means "keep it": the stored value is
 * carried over, unless the request lists it in {@code clear_secrets}, the transport type changes, or (webhook)
 * the auth type no longer uses it.
 */
final class SecretRetention {

    private SecretRetention() {
    }

    record Result(IntegrationSpec spec, List<Violation> violations) {
    }

    static Result apply(IntegrationSpec requested, IntegrationRecord stored, List<String> clearSecrets, TransportPlugin transport) {
        List<String> secrets = transport.configSchema().settings().stream()
                .filter(SettingDescriptor::isSecret).map(SettingDescriptor::name).toList();
        List<Violation> violations = new ArrayList<>();
        Set<String> cleared = new HashSet<>();
        for (int index = 0; index < clearSecrets.size(); index++) {
            String path = clearSecrets.get(index);
            String secret = secrets.stream().filter(name -> SettingPaths.of(transport.id(), name).equals(path)).findFirst().orElse(null);
            if (secret == null) {
                violations.add(new Violation("clear_secrets[" + index + "]", "\"" + path + "\" is not a secret of transport type "
                        + transport.id() + "; its secrets: " + secrets.stream().map(name -> SettingPaths.of(transport.id(), name))
                        .collect(Collectors.joining(", "))));
            } else {
                cleared.add(secret);
            }
        }
        if (!stored.type().equals(requested.type())) {
            return new Result(requested, violations);
        }
        TransportConfig config = requested.config();
        Map<String, String> values = new LinkedHashMap<>(config.values());
        for (String secret : secrets) {
            boolean keep = config.value(secret).isEmpty() && !cleared.contains(secret)
                    && (!transport.id().equals(WebhookSettings.TYPE) || WebhookSettings.usesSecret(config, secret));
            stored.config().value(secret).filter(value -> keep).ifPresent(value -> values.put(secret, value));
        }
        return new Result(requested.withConfig(new TransportConfig(values, config.lists(), config.fieldMappings())), violations);
    }
}
