package io.pbxhooks.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.pbxhooks.admin.AdminLimits;

/**
 * The operator's limits under {@code pbxhooks.limits.*} (e.g. {@code PBXHOOKS_LIMITS_EVENT_PAYLOAD_BYTES}): what one
 * request, event, account, integration or producer key may use.
 */
@ConfigurationProperties("pbxhooks.limits")
public class LimitSettings {

    /** The largest gRPC message accepted, admin request or event: larger ones fail with RESOURCE_EXHAUSTED. */
    private int requestBytes = 1024 * 1024;
    /** The largest event payload (the bytes of its {@code Any}): larger events are REJECTED. */
    private int eventPayloadBytes = 64 * 1024;
    private int integrationsPerAccount = AdminLimits.DEFAULTS.integrationsPerAccount();
    private int headersPerIntegration = AdminLimits.DEFAULTS.listEntriesPerIntegration();
    private int fieldMappingsPerIntegration = AdminLimits.DEFAULTS.fieldMappingsPerIntegration();
    private int publishStreamsPerKey = 16;

    public AdminLimits adminLimits() {
        return new AdminLimits(integrationsPerAccount, headersPerIntegration, fieldMappingsPerIntegration);
    }

    public int getRequestBytes() {
        return requestBytes;
    }

    public void setRequestBytes(int requestBytes) {
        this.requestBytes = positive("request-bytes", requestBytes);
    }

    public int getEventPayloadBytes() {
        return eventPayloadBytes;
    }

    public void setEventPayloadBytes(int eventPayloadBytes) {
        this.eventPayloadBytes = positive("event-payload-bytes", eventPayloadBytes);
    }

    public int getIntegrationsPerAccount() {
        return integrationsPerAccount;
    }

    public void setIntegrationsPerAccount(int integrationsPerAccount) {
        this.integrationsPerAccount = positive("integrations-per-account", integrationsPerAccount);
    }

    public int getHeadersPerIntegration() {
        return headersPerIntegration;
    }

    public void setHeadersPerIntegration(int headersPerIntegration) {
        this.headersPerIntegration = positive("headers-per-integration", headersPerIntegration);
    }

    public int getFieldMappingsPerIntegration() {
        return fieldMappingsPerIntegration;
    }

    public void setFieldMappingsPerIntegration(int fieldMappingsPerIntegration) {
        this.fieldMappingsPerIntegration = positive("field-mappings-per-integration", fieldMappingsPerIntegration);
    }

    public int getPublishStreamsPerKey() {
        return publishStreamsPerKey;
    }

    public void setPublishStreamsPerKey(int publishStreamsPerKey) {
        this.publishStreamsPerKey = positive("publish-streams-per-key", publishStreamsPerKey);
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("pbxhooks.limits." + name + " must be at least 1, not " + value);
        }
        return value;
    }
}
