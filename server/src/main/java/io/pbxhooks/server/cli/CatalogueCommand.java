package io.pbxhooks.server.cli;

import io.pbxhooks.admin.v1.Event;
import io.pbxhooks.admin.v1.Field;
import io.pbxhooks.admin.v1.ListServiceTypesRequest;
import io.pbxhooks.admin.v1.ListServiceTypesResponse;
import io.pbxhooks.admin.v1.ListTransportTypesRequest;
import io.pbxhooks.admin.v1.ListTransportTypesResponse;
import io.pbxhooks.admin.v1.ServiceType;
import io.pbxhooks.admin.v1.Setting;
import io.pbxhooks.admin.v1.TransportType;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "catalogue", mixinStandardHelpOptions = true, aliases = "catalog", description = "What the loaded plugins offer: trigger events and their fields, transports and their settings.")
final class CatalogueCommand {

    @Spec
    CommandSpec spec;

    @Command(name = "service-types", mixinStandardHelpOptions = true, description = "Lists the service types, the events that can trigger an integration and the fields each event has.")
    int serviceTypes(@Mixin ServerOptions server, @Mixin OutputOption output) {
        try (PbxhooksClient client = server.connect()) {
            ListServiceTypesResponse response = client.catalog().listServiceTypes(ListServiceTypesRequest.getDefaultInstance());
            if (output.json()) {
                OutputOption.printJson(response, out());
                return ExitCodes.OK;
            }
            response.getServiceTypesList().forEach(this::print);
        }
        return ExitCodes.OK;
    }

    @Command(name = "transport-types", mixinStandardHelpOptions = true, description = "Lists the transport types and the settings an integration of each takes.")
    int transportTypes(@Mixin ServerOptions server, @Mixin OutputOption output) {
        try (PbxhooksClient client = server.connect()) {
            ListTransportTypesResponse response = client.catalog().listTransportTypes(ListTransportTypesRequest.getDefaultInstance());
            if (output.json()) {
                OutputOption.printJson(response, out());
                return ExitCodes.OK;
            }
            response.getTransportTypesList().forEach(this::print);
        }
        return ExitCodes.OK;
    }

    private void print(ServiceType serviceType) {
        out().println("Service type " + serviceType.getId() + " (" + serviceType.getDisplayName() + ")");
        out().println();
        Table events = new Table("EVENT", "NAME", "FIELDS");
        for (Event event : serviceType.getEventsList()) {
            events.row(event.getId(), event.getDisplayName(), String.join(", ", event.getFieldIdsList()));
        }
        events.print(out(), "No events.");
        out().println();
        Table fields = new Table("FIELD", "TYPE", "NAME", "DESCRIPTION");
        for (Field field : serviceType.getFieldsList()) {
            fields.row(field.getId(), Formats.name(field.getValueType()), field.getDisplayName(), field.getDescription());
        }
        fields.print(out(), "No fields.");
        out().println();
    }

    private void print(TransportType transportType) {
        out().println("Transport type " + transportType.getId() + " (" + transportType.getDisplayName() + ")");
        out().println();
        Table settings = new Table("SETTING", "TYPE", "REQUIRED", "DEFAULT", "VALUES", "DESCRIPTION");
        for (Setting setting : transportType.getSettingsList()) {
            settings.row(setting.getIntegrationPath(), Formats.name(setting.getType()), setting.getRequired() ? "yes" : "",
                    setting.hasDefaultValue() ? setting.getDefaultValue() : "", String.join("|", setting.getAllowedValuesList()),
                    setting.getDescription());
        }
        settings.print(out(), "No settings.");
        out().println();
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
