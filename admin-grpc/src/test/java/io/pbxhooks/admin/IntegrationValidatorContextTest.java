package io.pbxhooks.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxhooks.admin.fake.FakeHostedPbxTrigger;
import io.pbxhooks.admin.fake.FakeWebhookTransport;
import io.pbxhooks.admin.port.PluginCatalog;
import io.pbxhooks.model.FieldMapping;
import io.pbxhooks.model.Violation;
import io.pbxhooks.spi.DestinationPolicy;
import io.pbxhooks.spi.PluginContext;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.TransportSender;
import io.pbxhooks.spi.TriggerPlugin;
import io.pbxhooks.spi.config.ConfigSchema;
import io.pbxhooks.spi.config.TransportConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Transports validate with the context the host gives its plugins, so save-time rules can follow the host's policy. */
class IntegrationValidatorContextTest {

    /** The fake webhook transport, plus a rule that asks the context's policy about the request URL's literal host. */
    private static final class PolicyCheckingTransport implements TransportPlugin {
        private final FakeWebhookTransport webhook = new FakeWebhookTransport();

        @Override
        public String id() {
            return webhook.id();
        }

        @Override
        public String displayName() {
            return webhook.displayName();
        }

        @Override
        public ConfigSchema configSchema() {
            return webhook.configSchema();
        }

        @Override
        public List<Violation> validate(TransportConfig config, PluginContext context) {
            try {
                InetAddress host = InetAddress.getByName(URI.create(config.value("request_url").orElseThrow()).getHost());
                return context.destinationPolicy().refusal(host).map(refusal -> List.of(new Violation("request_url", refusal)))
                        .orElse(webhook.validate(config));
            } catch (UnknownHostException notALiteral) {
                throw new AssertionError(notALiteral);
            }
        }

        @Override
        public TransportSender createSender(TransportConfig config, PluginContext context) {
            return webhook.createSender(config, context);
        }
    }

    @Test
    void theTransportSeesTheCatalogsDestinationPolicy() {
        DestinationPolicy refusePrivate = address -> address.isSiteLocalAddress()
                ? Optional.of(address.getHostAddress() + " is private") : Optional.empty();
        IntegrationValidator validator = new IntegrationValidator(catalog(refusePrivate));
        assertEquals(List.of(new Violation("integration.webhook.request_url", "10.0.0.5 is private")),
                validator.validate(webhookTo("http://10.0.0.5/hooks")));
        assertEquals(List.of(), validator.validate(webhookTo("http://192.0.2.7/hooks")));
    }

    private static IntegrationSpec webhookTo(String url) {
        TransportConfig config = new TransportConfig(Map.of("request_url", url), Map.of(), List.of(new FieldMapping("caller", "source_number")));
        return new IntegrationSpec("CRM", "webhook", "hosted-pbx", "inbound_call_received", config);
    }

    private static PluginCatalog catalog(DestinationPolicy policy) {
        List<TriggerPlugin> triggers = List.of(new FakeHostedPbxTrigger());
        List<TransportPlugin> transports = List.of(new PolicyCheckingTransport());
        return new PluginCatalog() {
            @Override
            public List<TriggerPlugin> triggers() {
                return triggers;
            }

            @Override
            public List<TransportPlugin> transports() {
                return transports;
            }

            @Override
            public PluginContext pluginContext() {
                return new PluginContext() {
                    @Override
                    public DestinationPolicy destinationPolicy() {
                        return policy;
                    }
                };
            }
        };
    }
}
