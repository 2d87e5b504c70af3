package io.pbxhooks.admin;

import io.pbxhooks.admin.port.IntegrationRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Audit summaries of integration changes. They name settings, never their values, so no secret gets in. */
final class IntegrationChanges {

    private IntegrationChanges() {
    }

    static String created(IntegrationRecord integration) {
        return "created integration \"" + integration.name() + "\" (" + integration.type() + " on "
                + integration.triggerServiceType() + "/" + integration.triggerEvent() + ", "
                + (integration.enabled() ? "enabled" : "disabled") + ")";
    }

    static String updated(IntegrationRecord before, IntegrationRecord after) {
        List<String> changed = new ArrayList<>();
        addIfChanged(changed, "name", before.name(), after.name());
        addIfChanged(changed, "type", before.type(), after.type());
        addIfChanged(changed, "trigger_service_type", before.triggerServiceType(), after.triggerServiceType());
        addIfChanged(changed, "trigger_event", before.triggerEvent(), after.triggerEvent());
        Set<String> settings = new LinkedHashSet<>(before.config().values().keySet());
        settings.addAll(after.config().values().keySet());
        settings.addAll(before.config().lists().keySet());
        settings.addAll(after.config().lists().keySet());
        for (String setting : settings) {
            boolean valueChanged = !Objects.equals(before.config().values().get(setting), after.config().values().get(setting));
            boolean listChanged = !before.config().list(setting).equals(after.config().list(setting));
            if (valueChanged || listChanged) {
                changed.add(SettingPaths.of(after.type(), setting));
            }
        }
        addIfChanged(changed, "field_mappings", before.fieldMappings(), after.fieldMappings());
        return "updated integration \"" + after.name() + "\": " + (changed.isEmpty() ? "no changes" : "changed " + String.join(", ", changed));
    }

    static String enabled(IntegrationRecord before) {
        return "enabled integration \"" + before.name() + "\""
                + before.disabledByServerReason().map(reason -> " (the server had disabled it: " + reason + ")").orElse("");
    }

    static String disabled(IntegrationRecord before) {
        return "disabled integration \"" + before.name() + "\"";
    }

    static String deleted(IntegrationRecord before) {
        return "deleted integration \"" + before.name() + "\"";
    }

    private static void addIfChanged(List<String> changed, String path, Object before, Object after) {
        if (!before.equals(after)) {
            changed.add(path);
        }
    }
}
