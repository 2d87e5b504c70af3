package io.pbxhooks.admin;

/** Where a transport setting (or a transport's violation) lives in an {@code Integration} message. */
final class SettingPaths {

    private static final String FIELD_MAPPINGS = "field_mappings";

    private SettingPaths() {
    }

    /**
     * {@code webhook} settings live in {@code webhook.<name>} ({@code headers[1].name} in {@code webhook.headers[1].name}),
     * those of other transports in {@code config.<name>}; {@code field_mappings[i]...} paths stay as they are.
     */
    static String of(String transportType, String settingPath) {
        if (settingPath.equals(FIELD_MAPPINGS) || settingPath.startsWith(FIELD_MAPPINGS + "[")) {
            return settingPath;
        }
        return (WebhookSettings.TYPE.equals(transportType) ? "webhook." : "config.") + settingPath;
    }
}
