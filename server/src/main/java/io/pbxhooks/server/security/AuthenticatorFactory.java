package io.pbxhooks.server.security;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.pbxhooks.admin.auth.ApiKeySecrets;
import io.pbxhooks.admin.auth.StoredKeyAuthenticator;
import io.pbxhooks.admin.port.ApiKeyStore;
import io.pbxhooks.admin.port.Authenticator;
import io.pbxhooks.server.ServerSettings;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator key comes from {@code PBXHOOKS_OPERATOR_KEY}; when unset, one is generated at first start into
 * {@code operator.key} in the data directory (owner-only), and only the file's path is logged.
 */
@Factory
class AuthenticatorFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticatorFactory.class);
    static final String KEY_FILE = "operator.key";

    @Singleton
    Authenticator authenticator(ServerSettings settings, @Value("${pbxhooks.operator-key:}") String configuredKey, ApiKeyStore keys) {
        String operatorKey = configuredKey.trim();
        if (operatorKey.isEmpty()) {
            Path file = settings.getDataDir().resolve(KEY_FILE);
            operatorKey = OwnerOnlyFile.readOrCreate(file, ApiKeySecrets::generate);
            LOG.info("The operator API key is in {} (set PBXHOOKS_OPERATOR_KEY to choose it)", file.toAbsolutePath().normalize());
        }
        return new OperatorKeyAuthenticator(operatorKey, new StoredKeyAuthenticator(keys));
    }
}
