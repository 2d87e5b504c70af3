package io.pbxhooks.server.cli;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

/** How the CLI reaches a server: in plaintext, over TLS trusting the system's certificate authorities, or those of a PEM file. */
public final class ChannelSecurity {

    public static final ChannelSecurity PLAINTEXT = new ChannelSecurity(false, null);
    public static final ChannelSecurity SYSTEM_TRUST = new ChannelSecurity(true, null);

    private final boolean tls;
    private final byte[] trustedAuthoritiesPem;

    private ChannelSecurity(boolean tls, byte[] trustedAuthoritiesPem) {
        this.tls = tls;
        this.trustedAuthoritiesPem = trustedAuthoritiesPem;
    }

    /**
     * TLS trusting only the certificate authorities in {@code pemFile}.
     *
     * @throws IllegalArgumentException with a message for people when the file cannot be read or holds no certificate
     */
    public static ChannelSecurity trusting(Path pemFile) {
        byte[] pem;
        try {
            pem = Files.readAllBytes(pemFile);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("cannot read " + pemFile + " (" + unreadable.getClass().getSimpleName() + ")");
        }
        try {
            if (CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).isEmpty()) {
                throw new IllegalArgumentException(pemFile + " holds no PEM certificate");
            }
        } catch (CertificateException malformed) {
            throw new IllegalArgumentException(pemFile + " is not a PEM certificate file (" + malformed.getMessage() + ")");
        }
        return new ChannelSecurity(true, pem);
    }

    ChannelCredentials credentials() {
        if (!tls) {
            return InsecureChannelCredentials.create();
        }
        if (trustedAuthoritiesPem == null) {
            return TlsChannelCredentials.create();
        }
        try {
            return TlsChannelCredentials.newBuilder().trustManager(new ByteArrayInputStream(trustedAuthoritiesPem)).build();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
