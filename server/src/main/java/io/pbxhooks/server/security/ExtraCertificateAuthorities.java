package io.pbxhooks.server.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's extra certificate authorities for deliveries over HTTPS ({@code PBXHOOKS_DELIVERY_EXTRA_CA_FILE}): one
 * PEM file of one or more certificates, trusted besides the JDK's trust store. A file that is set but unusable stops the
 * server at startup.
 */
public final class ExtraCertificateAuthorities {

    static final String VARIABLE = "PBXHOOKS_DELIVERY_EXTRA_CA_FILE";

    private ExtraCertificateAuthorities() {
    }

    /** The certificates of {@code file}; none when it is null (not set). */
    public static List<X509Certificate> read(Path file) {
        if (file == null) {
            return List.of();
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try (InputStream pem = Files.newInputStream(file)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                certificates.add((X509Certificate) certificate);
            }
        } catch (IOException | CertificateException unusable) {
            throw new IllegalStateException(VARIABLE + " names " + file + ", which cannot be read as PEM certificates: " + unusable.getMessage(),
                    unusable);
        }
        if (certificates.isEmpty()) {
            throw new IllegalStateException(VARIABLE + " names " + file + ", which holds no certificate (-----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(certificates);
    }
}
