package io.pbxhooks.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;

/**
 * The operator's settings under {@code pbxhooks.*}; each can also be set as an environment variable
 * ({@code PBXHOOKS_DATA_DIR}, {@code PBXHOOKS_PLUGINS_DIR}, {@code PBXHOOKS_GRPC_PORT}).
 */
@ConfigurationProperties("pbxhooks")
public class ServerSettings {

    private Path dataDir = Path.of("data");
    private Path pluginsDir = Path.of("plugins");
    private Grpc grpc = new Grpc();

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

    public Grpc getGrpc() {
        return grpc;
    }

    public void setGrpc(Grpc grpc) {
        this.grpc = grpc;
    }

    @ConfigurationProperties("grpc")
    public static class Grpc {
        private int port = 50051;

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }
    }
}
