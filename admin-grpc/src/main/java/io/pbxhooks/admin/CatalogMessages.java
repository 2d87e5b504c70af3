package io.pbxhooks.admin;

import io.pbxhooks.admin.v1.Event;
import io.pbxhooks.admin.v1.Field;
import io.pbxhooks.admin.v1.ServiceType;
import io.pbxhooks.admin.v1.Setting;
import io.pbxhooks.admin.v1.TransportType;
import io.pbxhooks.spi.TransportPlugin;
import io.pbxhooks.spi.catalog.FieldDescriptor;
import io.pbxhooks.spi.catalog.ServiceTypeDescriptor;
import io.pbxhooks.spi.config.SettingDescriptor;

/** The plugins' self-descriptions as catalogue messages. */
final class CatalogMessages {

    private CatalogMessages() {
    }

    static ServiceType of(ServiceTypeDescriptor serviceType) {
        ServiceType.Builder message = ServiceType.newBuilder().setId(serviceType.id()).setDisplayName(serviceType.displayName());
        serviceType.events().forEach(event -> message.addEvents(Event.newBuilder()
                .setId(event.id())
                .setDisplayName(event.displayName())
                .setDescription(event.description())
                .addAllFieldIds(serviceType.fieldsOf(event.id()).stream().map(FieldDescriptor::id).toList())));
        serviceType.fields().forEach(field -> message.addFields(Field.newBuilder()
                .setId(field.id())
                .setDisplayName(field.displayName())
                .setValueType(sameName(Field.ValueType.class, field.valueType(), Field.ValueType.VALUE_TYPE_UNSPECIFIED))
                .setDescription(field.description())
                .addAllEventIds(field.eventIds())));
        return message.build();
    }

    static TransportType of(TransportPlugin transport) {
        TransportType.Builder message = TransportType.newBuilder().setId(transport.id()).setDisplayName(transport.displayName());
        transport.configSchema().settings().forEach(setting -> message.addSettings(of(transport.id(), setting)));
        return message.build();
    }

    private static Setting of(String transportId, SettingDescriptor setting) {
        Setting.Builder message = Setting.newBuilder()
                .setName(setting.name())
                .setIntegrationPath(SettingPaths.of(transportId, setting.name()))
                .setLabel(setting.label())
                .setType(sameName(Setting.Type.class, setting.type(), Setting.Type.TYPE_UNSPECIFIED))
                .setRequired(setting.required())
                .addAllAllowedValues(setting.allowedValues())
                .setMaxLength(setting.maxLength())
                .setDescription(setting.description());
        setting.defaultValueIfAny().ifPresent(message::setDefaultValue);
        return message.build();
    }

    /** The message enum value of the same name; UNSPECIFIED for a value the SPI gained after this proto was written. */
    private static <E extends Enum<E>> E sameName(Class<E> type, Enum<?> value, E otherwise) {
        try {
            return Enum.valueOf(type, value.name());
        } catch (IllegalArgumentException unknown) {
            return otherwise;
        }
    }
}
