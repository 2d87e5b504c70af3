package io.pbxhooks.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;
import java.util.List;

/**
 * The operator's settings under {@code pbxhooks.*}; each can also be set as an environment variable
 * ({@code PBXHOOKS_DATA_DIR}, {@code PBXHOOKS_PLUGINS_DIR}, {@code PBXHOOKS_GRPC_PORT}, {@code PBXHOOKS_GRPC_TLS_CERTIFICATE_CHAIN},
 * {@code PBXHOOKS_GRPC_TLS_PRIVATE_KEY}, {@code PBXHOOKS_ALLOWED_DESTINATIONS}).
 */
@ConfigurationProperties("pbxhooks")
public class ServerSettings {

    private Path dataDir = Path.of("data");
    private Path pluginsDir = Path.of("plugins");
    private Grpc grpc = new Grpc();
    /** Addresses and CIDR blocks deliveries may go to although the built-in rules refuse them (loopback, private ...). */
    private List<String> allowedDestinations = List.of();

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Path getPluginsDir() {
        return pluginsDir;
    }

    public void setPluginsDir(Path pluginsDir) {
        this.pluginsDir = pluginsDir;
    }

    public List<String> getAllowedDestinations() {
        return allowedDestinations;
    }

    public void setAllowedDestinations(List<String> allowedDestinations) {
        this.allowedDestinations = List.copyOf(allowedDestinations);
    }

    public Grpc getGrpc() {
        return grpc;
    }

    public void setGrpc(Grpc grpc) {
        this.grpc = grpc;
    }

    @ConfigurationProperties("grpc")
    public static class Grpc {
        private int port = 50051;
        private Tls tls = new Tls();

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public Tls getTls() {
            return tls;
        }

        public void setTls(Tls tls) {
            this.tls = tls;
        }

        /** PEM files the gRPC listener serves TLS with; both set, or neither (plaintext). */
        @ConfigurationProperties("tls")
        public static class Tls {
            private Path certificateChain;
            private Path privateKey;

            public Path getCertificateChain() {
                return certificateChain;
            }

            public void setCertificateChain(Path certificateChain) {
                this.certificateChain = certificateChain;
            }

            public Path getPrivateKey() {
                return privateKey;
            }

            public void setPrivateKey(Path privateKey) {
                this.privateKey = privateKey;
            }
        }
    }
}
