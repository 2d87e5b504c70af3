package io.pbxhooks.server.grpc;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.pbxhooks.server.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The gRPC listener's TLS, from the operator's PEM files: the certificate chain (server certificate first) and its
 * unencrypted PKCS#8 private key. Neither set means plaintext; one without the other, or a file that cannot be used,
 * stops the server at startup rather than silently serving plaintext.
 */
final class GrpcTls {

    static final String CHAIN_VARIABLE = "PBXHOOKS_GRPC_TLS_CERTIFICATE_CHAIN";
    static final String KEY_VARIABLE = "PBXHOOKS_GRPC_TLS_PRIVATE_KEY";

    private GrpcTls() {
    }

    static Optional<SslContext> serverContext(ServerSettings.Grpc.Tls tls) {
        Path chain = tls.getCertificateChain();
        Path key = tls.getPrivateKey();
        if (chain == null && key == null) {
            return Optional.empty();
        }
        if (chain == null || key == null) {
            throw new IllegalStateException("gRPC TLS needs both a certificate chain and a private key: set " + CHAIN_VARIABLE + " and "
                    + KEY_VARIABLE + " (pbxhooks.grpc.tls.certificate-chain, pbxhooks.grpc.tls.private-key), or neither to serve plaintext");
        }
        requireReadable(chain, CHAIN_VARIABLE);
        requireReadable(key, KEY_VARIABLE);
        try {
            return Optional.of(GrpcSslContexts.forServer(chain.toFile(), key.toFile()).build());
        } catch (SSLException | IllegalArgumentException unusable) {
            throw new IllegalStateException("Cannot serve gRPC over TLS with the certificate chain " + chain + " and the private key " + key
                    + ": " + unusable.getMessage() + " (expected PEM files: the certificate chain, server certificate first, and an unencrypted "
                    + "PKCS#8 private key, -----BEGIN PRIVATE KEY-----; openssl pkcs8 -topk8 -nocrypt converts others)", unusable);
        }
    }

    private static void requireReadable(Path file, String variable) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException(variable + " names " + file + ", which is not a readable file");
        }
    }
}
