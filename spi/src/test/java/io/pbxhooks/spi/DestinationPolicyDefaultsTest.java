package io.pbxhooks.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.config.ConfigSchema;
import io.pbxhooks.spi.config.TransportConfig;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class DestinationPolicyDefaultsTest {

    @Test
    void aContextWithoutAHostPolicyRefusesEveryAddress() throws Exception {
        DestinationPolicy policy = new PluginContext() { }.destinationPolicy();
        for (String address : List.of("8.8.8.8", "127.0.0.1", "2001:4860:4860::8888")) {
            assertTrue(policy.refusal(InetAddress.getByName(address)).orElseThrow().contains("no destination policy"), address);
        }
    }

    @Test
    void aContextWithoutExtraCertificatesTrustsOnlyTheDefaults() {
        assertTrue(new PluginContext() { }.extraTrustedCertificates().isEmpty());
    }

    @Test
    void validationWithAContextDefaultsToValidationWithout() {
        Violation problem = new Violation("request_url", "always wrong");
        TransportPlugin transport = new TransportPlugin() {
            @Override
            public String id() {
                return "test";
            }

            @Override
            public String displayName() {
                return "Test";
            }

            @Override
            public ConfigSchema configSchema() {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Violation> validate(TransportConfig config) {
                return List.of(problem);
            }

            @Override
            public TransportSender createSender(TransportConfig config, PluginContext context) {
                throw new UnsupportedOperationException();
            }
        };
        assertEquals(List.of(problem), transport.validate(null, new PluginContext() { }));
    }
}
