package io.pbxhooks.server.security;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.pbxhooks.server.ServerSettings;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that encrypts secrets at rest: {@code PBXHOOKS_SECRET_KEY} (Base64 of 32 bytes, e.g.
 * {@code openssl rand -base64 32}), or, on the embedded database only, one generated into the data directory.
 * Several nodes sharing a MySQL database must share one key, so there it must be given.
 */
@Factory
class SecretKeyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeyFactory.class);
    static final String KEY_FILE = "secret.key";

    @Singleton
    SecretCipher secretCipher(ServerSettings settings,
                              @Value("${pbxhooks.secret-key:}") String configuredKey,
                              @Value("${datasources.default.url}") String databaseUrl) {
        String encodedKey = configuredKey;
        if (encodedKey.isBlank()) {
            if (!databaseUrl.startsWith("jdbc:h2:")) {
                throw new IllegalStateException("PBXHOOKS_SECRET_KEY is required with an external database, so that every node "
                        + "decrypts what the others encrypted: set it to the Base64 of 32 random bytes (openssl rand -base64 32).");
            }
            var file = settings.getDataDir().resolve(KEY_FILE);
            encodedKey = OwnerOnlyFile.readOrCreate(file, SecretKeyFactory::newKey);
            LOG.info("Secrets at rest are encrypted with the key in {}", file.toAbsolutePath().normalize());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encodedKey.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("PBXHOOKS_SECRET_KEY is not Base64: give the Base64 of 32 random bytes (openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalStateException("PBXHOOKS_SECRET_KEY must decode to 32 bytes, not " + key.length + " (openssl rand -base64 32)");
        }
        return new SecretCipher(key);
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
