package io.pbxhooks.server.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --output table|json}: for people, or protobuf JSON (proto field names) for scripts. */
public final class OutputOption {

    enum Format { TABLE, JSON }

    @Option(names = {"-o", "--output"}, order = 90, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people) or json (protobuf JSON, for scripts). Default: ${DEFAULT-VALUE}.")
    Format format = Format.TABLE;

    boolean json() {
        return format == Format.JSON;
    }

    static void printJson(MessageOrBuilder message, PrintWriter out) {
        try {
            out.println(JsonFormat.printer().preservingProtoFieldNames().print(message));
        } catch (InvalidProtocolBufferException impossible) {
            throw new IllegalStateException("the admin API's messages hold no Any of unknown types", impossible);
        }
    }
}
