package io.pbxhooks.server.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Connector/J settings for MySQL/MariaDB, each unless the configuration sets it: prepared statements parsed once and
 * cached (the parsing of the large multi-row statements was on top of the profiles), a JDBC batch of updates sent in one
 * round trip with each statement's row count, and no statement to set a session state the driver knows it has.
 */
@Singleton
class MySqlDriverSettings implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final Map<String, String> DEFAULTS = Map.of(
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "500",
            "prepStmtCacheSqlLimit", "16384",
            "rewriteBatchedStatements", "true",
            "useLocalSessionState", "true");

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        String url = datasource.getUrl();
        if (url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"))) {
            DEFAULTS.forEach((name, value) -> {
                if (!datasource.getDataSourceProperties().containsKey(name) && !url.contains(name + "=")) {
                    datasource.addDataSourceProperty(name, value);
                }
            });
        }
        return datasource;
    }
}
