package io.pbxhooks.server.persistence;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.pbxhooks.admin.port.PluginCatalog;
import io.pbxhooks.model.FieldMapping;
import io.pbxhooks.server.security.SecretCipher;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.config.NameValue;
import io.pbxhooks.spi.config.SettingDescriptor;
import io.pbxhooks.spi.config.TransportConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns an integration's transport settings and field mappings into the stored JSON and back, encrypting secrets. */
@Singleton
public class TransportConfigCodec {

    private final JsonMapper json;
    private final SecretCipher cipher;
    private final PluginCatalog plugins;

    public TransportConfigCodec(JsonMapper json, SecretCipher cipher, PluginCatalog plugins) {
        this.json = json;
        this.cipher = cipher;
        this.plugins = plugins;
    }

    String encodeConfig(String integrationId, String transportType, TransportConfig config) {
        Set<String> secretNames = plugins.transport(transportType).map(TransportPlugin::configSchema)
                .map(schema -> schema.settings().stream().filter(SettingDescriptor::isSecret).map(SettingDescriptor::name).collect(Collectors.toSet()))
                .orElseThrow(() -> new IllegalStateException("transport " + transportType + " is not loaded"));
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        config.values().forEach((name, value) -> {
            if (secretNames.contains(name)) {
                secrets.put(name, cipher.encrypt(value, boundTo(integrationId, name)));
            } else {
                values.put(name, value);
            }
        });
        Map<String, List<StoredTransportConfig.Pair>> lists = new LinkedHashMap<>();
        config.lists().forEach((name, list) -> lists.put(name, list.stream().map(pair -> new StoredTransportConfig.Pair(pair.name(), pair.value())).toList()));
        return write(new StoredTransportConfig(values, secrets, lists));
    }

    TransportConfig decodeConfig(String integrationId, String stored, List<FieldMapping> fieldMappings) {
        StoredTransportConfig config = read(stored, Argument.of(StoredTransportConfig.class));
        Map<String, String> values = new LinkedHashMap<>(config.values());
        config.secrets().forEach((name, sealed) -> values.put(name, cipher.decrypt(sealed, boundTo(integrationId, name))));
        Map<String, List<NameValue>> lists = new LinkedHashMap<>();
        config.lists().forEach((name, list) -> lists.put(name, list.stream().map(pair -> new NameValue(pair.name(), pair.value())).toList()));
        return new TransportConfig(values, lists, fieldMappings);
    }

    String encodeMappings(List<FieldMapping> mappings) {
        return write(mappings.stream().map(mapping -> new StoredTransportConfig.Mapping(mapping.requestKey(), mapping.field())).toList());
    }

    List<FieldMapping> decodeMappings(String stored) {
        List<StoredTransportConfig.Mapping> mappings = read(stored, Argument.listOf(StoredTransportConfig.Mapping.class));
        return mappings.stream().map(mapping -> new FieldMapping(mapping.requestKey(), mapping.field())).toList();
    }

    private static String boundTo(String integrationId, String setting) {
        return "integration/" + integrationId + "/" + setting;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String stored, Argument<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (IOException e) {
            throw new UncheckedIOException("an integration's stored configuration is not readable", e);
        }
    }
}
