package io.pbxhooks.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.admin.v1.Event;
import io.pbxhooks.admin.v1.Field;
import io.pbxhooks.admin.v1.ListServiceTypesRequest;
import io.pbxhooks.admin.v1.ListTransportTypesRequest;
import io.pbxhooks.admin.v1.ServiceType;
import io.pbxhooks.admin.v1.Setting;
import io.pbxhooks.admin.v1.TransportType;
import io.pbxhooks.hostedpbx.HostedPbxPlugin;
import io.pbxhooks.server.plugin.PluginRegistry;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.TriggerPlugin;
import io.pbxhooks.spi.catalog.FieldDescriptor;
import io.pbxhooks.spi.catalog.ServiceTypeDescriptor;
import io.pbxhooks.spi.config.SettingDescriptor;
import io.pbxhooks.webhook.WebhookPlugin;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ListServiceTypes and ListTransportTypes over the socket say what the real Hosted PBX and webhook plugins declare: read
 * from fresh instances of the plugins, so a change to a plugin's catalogue needs no change here.
 */
class CatalogueTest {

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void serviceTypesAreTheTriggerPluginsEventsAndFields(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            List<ServiceType> listed = api.catalog(api.createAccountWithAdmin("acme")).listServiceTypes(ListServiceTypesRequest.getDefaultInstance())
                    .getServiceTypesList();
            assertEquals(api.server().context().getBean(PluginRegistry.class).triggers().stream().map(trigger -> trigger.serviceType().id()).toList(),
                    listed.stream().map(ServiceType::getId).toList(), "every loaded trigger, in load order");

            List<ServiceTypeDescriptor> declared = new HostedPbxPlugin().triggerPlugins().stream().map(TriggerPlugin::serviceType).toList();
            assertEquals(List.of("hosted-pbx"), declared.stream().map(ServiceTypeDescriptor::id).toList());
            for (ServiceTypeDescriptor serviceType : declared) {
                ServiceType message = listed.stream().filter(type -> type.getId().equals(serviceType.id())).findFirst().orElseThrow();
                assertEquals(expected(serviceType), message);
                assertEventsAndFieldsAgree(message);
            }
            Field hasVoicemail = listed.get(0).getFieldsList().stream().filter(field -> field.getId().equals("has_voicemail")).findFirst().orElseThrow();
            assertEquals(Field.ValueType.BOOLEAN, hasVoicemail.getValueType(), "both value types come through, not only STRING");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void transportTypesAreTheTransportPluginsSchemas(TestDatabase.Kind database) throws Exception {
        try (AdminTestServer api = AdminTestServer.start(database)) {
            List<TransportType> listed = api.catalog(api.createAccountWithAdmin("acme")).listTransportTypes(ListTransportTypesRequest.getDefaultInstance())
                    .getTransportTypesList();
            assertEquals(api.server().context().getBean(PluginRegistry.class).transports().stream().map(TransportPlugin::id).toList(),
                    listed.stream().map(TransportType::getId).toList());

            TransportPlugin webhook = new WebhookPlugin().transportPlugins().get(0);
            TransportType message = listed.stream().filter(type -> type.getId().equals(webhook.id())).findFirst().orElseThrow();
            assertEquals(expected(webhook), message);

            Set<String> secrets = webhook.configSchema().settings().stream().filter(SettingDescriptor::isSecret).map(SettingDescriptor::name)
                    .collect(Collectors.toSet());
            assertEquals(secrets, message.getSettingsList().stream().filter(setting -> setting.getType() == Setting.Type.SECRET)
                    .map(Setting::getName).collect(Collectors.toSet()));
            assertEquals(Set.of("auth.password", "auth.token", "signing_secret"), secrets,
                    "the secrets UpdateIntegration keeps and clear_secrets names");
            message.getSettingsList().stream().filter(setting -> setting.getType() == Setting.Type.SECRET)
                    .forEach(secret -> assertTrue(!secret.hasDefaultValue(), secret::toString));
        }
    }

    /** The message a service type should become: field_ids and event_ids both from the descriptor's fields. */
    private static ServiceType expected(ServiceTypeDescriptor serviceType) {
        ServiceType.Builder message = ServiceType.newBuilder().setId(serviceType.id()).setDisplayName(serviceType.displayName());
        serviceType.events().forEach(event -> message.addEvents(Event.newBuilder().setId(event.id()).setDisplayName(event.displayName())
                .setDescription(event.description())
                .addAllFieldIds(serviceType.fields().stream().filter(field -> field.eventIds().contains(event.id())).map(FieldDescriptor::id).toList())));
        serviceType.fields().forEach(field -> message.addFields(Field.newBuilder().setId(field.id()).setDisplayName(field.displayName())
                .setValueType(Field.ValueType.valueOf(field.valueType().name())).setDescription(field.description())
                .addAllEventIds(field.eventIds())));
        return message.build();
    }

    private static TransportType expected(TransportPlugin transport) {
        TransportType.Builder message = TransportType.newBuilder().setId(transport.id()).setDisplayName(transport.displayName());
        for (SettingDescriptor setting : transport.configSchema().settings()) {
            Setting.Builder expected = Setting.newBuilder().setName(setting.name()).setIntegrationPath("webhook." + setting.name())
                    .setLabel(setting.label()).setType(Setting.Type.valueOf(setting.type().name())).setRequired(setting.required())
                    .addAllAllowedValues(setting.allowedValues()).setMaxLength(setting.maxLength()).setDescription(setting.description());
            if (setting.defaultValue() != null) {
                expected.setDefaultValue(setting.defaultValue());
            }
            message.addSettings(expected);
        }
        return message.build();
    }

    /** Within the message too: a field lists an event exactly when the event lists the field, and every event has a field. */
    private static void assertEventsAndFieldsAgree(ServiceType message) {
        for (Event event : message.getEventsList()) {
            assertTrue(event.getFieldIdsCount() > 0, event::toString);
            for (Field field : message.getFieldsList()) {
                assertEquals(event.getFieldIdsList().contains(field.getId()), field.getEventIdsList().contains(event.getId()),
                        event.getId() + " / " + field.getId());
            }
        }
    }
}
