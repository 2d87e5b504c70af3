package io.pbxhooks.webhook;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities deliveries over HTTPS trust: the JDK's default trust store and the host's extra ones
 * together, so an extra CA adds to the public ones instead of replacing them. Verification itself (chain, validity,
 * host name) is the JDK's; nothing here trusts a certificate that no listed authority signed.
 */
final class TrustedAuthorities {

    private TrustedAuthorities() {
    }

    /** The trust of the JDK's default trust store and {@code extra}; null (the JDK's default) when there is no extra one. */
    static TrustManagerFactory factory(List<X509Certificate> extra) {
        if (extra.isEmpty()) {
            return null;
        }
        try {
            KeyStore authorities = KeyStore.getInstance(KeyStore.getDefaultType());
            authorities.load(null, null);
            int index = 0;
            for (X509Certificate authority : defaultAuthorities()) {
                authorities.setCertificateEntry("default-" + index++, authority);
            }
            for (X509Certificate authority : extra) {
                authorities.setCertificateEntry("extra-" + index++, authority);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(authorities);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build the trust store of the webhook transport: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> defaultAuthorities() throws GeneralSecurityException {
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        for (TrustManager manager : defaults.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return List.of(x509.getAcceptedIssuers());
            }
        }
        return List.of();
    }
}
