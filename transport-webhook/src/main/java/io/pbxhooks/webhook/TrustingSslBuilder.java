package io.pbxhooks.webhook;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.client.netty.ssl.NettyClientSslBuilder;
import io.micronaut.http.ssl.SslConfiguration;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;

/** Micronaut's client TLS set-up with {@link TrustedAuthorities} as its trust: the JDK's authorities plus the host's extra ones. */
final class TrustingSslBuilder extends NettyClientSslBuilder {

    private final TrustManagerFactory trust;

    TrustingSslBuilder(List<X509Certificate> extraAuthorities) {
        super(new ResourceResolver());
        this.trust = TrustedAuthorities.factory(extraAuthorities);
    }

    @Override
    protected TrustManagerFactory getTrustManagerFactory(SslConfiguration ssl) {
        // Null is Netty's "use the JDK's default trust store"; never the insecure trust-all factory.
        return trust;
    }
}
