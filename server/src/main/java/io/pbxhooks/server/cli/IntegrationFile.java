package io.pbxhooks.server.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.pbxhooks.admin.v1.Integration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * An integration written as YAML or JSON (JSON is YAML too): the fields of {@code pbxhooks.admin.v1.Integration} by their
 * proto names ({@code trigger_event}) or JSON names ({@code triggerEvent}), read through protobuf's JSON mapping.
 */
final class IntegrationFile {

    private IntegrationFile() {
    }

    static Integration.Builder read(Path file) {
        Object document;
        try {
            byte[] text = file.toString().equals("-") ? System.in.readAllBytes() : Files.readAllBytes(file);
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.USAGE, "Cannot read " + file + ": " + e.getMessage());
        } catch (YAMLException e) {
            throw new CommandFailure(ExitCodes.USAGE, file + " is neither YAML nor JSON: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> fields)) {
            throw new CommandFailure(ExitCodes.USAGE, file + " must hold one integration: a mapping such as 'name: CRM screen pop'.");
        }
        Integration.Builder integration = Integration.newBuilder();
        try {
            String json = JsonFormat.printer().print(toValue(fields));
            JsonFormat.parser().merge(json, integration);
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, file + " is not an integration: " + e.getMessage());
        }
        return integration;
    }

    /** YAML's maps, lists and scalars as a protobuf JSON value, so that protobuf's JSON parser reads them. */
    private static Value toValue(Object yaml) {
        if (yaml == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (yaml instanceof Map<?, ?> map) {
            Struct.Builder struct = Struct.newBuilder();
            map.forEach((key, value) -> struct.putFields(String.valueOf(key), toValue(value)));
            return Value.newBuilder().setStructValue(struct).build();
        }
        if (yaml instanceof List<?> list) {
            ListValue.Builder values = ListValue.newBuilder();
            list.forEach(value -> values.addValues(toValue(value)));
            return Value.newBuilder().setListValue(values).build();
        }
        if (yaml instanceof Boolean bool) {
            return Value.newBuilder().setBoolValue(bool).build();
        }
        if (yaml instanceof Number number) {
            return Value.newBuilder().setNumberValue(number.doubleValue()).build();
        }
        return Value.newBuilder().setStringValue(String.valueOf(yaml)).build();
    }
}
