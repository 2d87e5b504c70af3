package io.pbxhooks.server.cli;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Reads a proto enum option by name, case-insensitively, accepting only its named values: not the
 * {@code *_UNSPECIFIED} zero value, nor the {@code UNRECOGNIZED} constant protobuf adds to every enum.
 */
final class ProtoEnumConverter<E extends Enum<E> & ProtocolMessageEnum> implements CommandLine.ITypeConverter<E> {

    private final Class<E> type;

    ProtoEnumConverter(Class<E> type) {
        this.type = type;
    }

    static <E extends Enum<E> & ProtocolMessageEnum> void register(CommandLine commandLine, Class<E> type) {
        commandLine.registerConverter(type, new ProtoEnumConverter<>(type));
    }

    @Override
    public E convert(String value) {
        return values().stream().filter(constant -> constant.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new CommandLine.TypeConversionException("'" + value + "' is not one of "
                        + String.join(", ", values().stream().map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList())));
    }

    private List<E> values() {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> !constant.name().equals("UNRECOGNIZED") && !constant.name().endsWith("_UNSPECIFIED")).toList();
    }
}
