package io.pbxhooks.spi;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/** What the host gives a plugin: deliberately narrow, each method a default so it can grow. */
public interface PluginContext {

    default Clock clock() {
        return Clock.systemUTC();
    }

    default System.Logger logger(String name) {
        return System.getLogger(name);
    }

    /**
     * Which addresses a transport may connect to. The host's policy: the built-in rules of the pbxhooks server refuse
     * loopback, private, link-local and other internal addresses unless its operator allows them. Without a host
     * policy every address is refused ({@link DestinationPolicy#refuseAll()}).
     */
    default DestinationPolicy destinationPolicy() {
        return DestinationPolicy.refuseAll();
    }

    /**
     * Certificate authorities a transport trusts when it verifies a destination's TLS certificate, in addition to the
     * JDK's default trust store (the operator's extra CA file, e.g. for receivers behind a private CA). Empty by default.
     * They add to the default trust, never replace it, and a transport must never trust every certificate.
     */
    default List<X509Certificate> extraTrustedCertificates() {
        return List.of();
    }
}
