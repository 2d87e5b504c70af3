package io.pbxhooks.admin;

/**
 * The operator's limits on what administrators may configure; each must be positive.
 *
 * @param integrationsPerAccount      integrations one account may have (RESOURCE_EXHAUSTED beyond)
 * @param listEntriesPerIntegration   entries of each list setting of an integration, e.g. a webhook's headers (INVALID_ARGUMENT beyond)
 * @param fieldMappingsPerIntegration field mappings of one integration (INVALID_ARGUMENT beyond)
 */
public record AdminLimits(int integrationsPerAccount, int listEntriesPerIntegration, int fieldMappingsPerIntegration) {

    public static final AdminLimits DEFAULTS = new AdminLimits(1000, 50, 100);

    public AdminLimits {
        if (integrationsPerAccount < 1 || listEntriesPerIntegration < 1 || fieldMappingsPerIntegration < 1) {
            throw new IllegalArgumentException("every limit must be at least 1: " + integrationsPerAccount + ", " + listEntriesPerIntegration
                    + ", " + fieldMappingsPerIntegration);
        }
    }
}
