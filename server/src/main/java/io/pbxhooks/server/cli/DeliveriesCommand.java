package io.pbxhooks.server.cli;

import io.pbxhooks.admin.v1.Attempt;
import io.pbxhooks.admin.v1.Delivery;
import io.pbxhooks.admin.v1.GetDeliveryRequest;
import io.pbxhooks.admin.v1.GetDeliveryResponse;
import io.pbxhooks.admin.v1.ListDeliveriesRequest;
import io.pbxhooks.admin.v1.ListDeliveriesResponse;
import io.pbxhooks.admin.v1.RedeliverDeliveryRequest;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "deliveries", mixinStandardHelpOptions = true, description = "Events on their way to integrations, and every attempt made to deliver them.")
final class DeliveriesCommand {

    enum State { PENDING, IN_FLIGHT, RETRY_SCHEDULED, SUCCEEDED, FAILED }

    @Spec
    CommandSpec spec;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists deliveries, newest first.")
    int list(@Mixin ServerOptions server, @Mixin OutputOption output,
             @Option(names = "--account", paramLabel = "ACCOUNT", defaultValue = "",
                     description = "The account (an admin key's own when left out; every account for an operator key).") String account,
             @Option(names = "--integration", paramLabel = "ID", defaultValue = "", description = "Only this integration's.") String integration,
             @Option(names = "--state", paramLabel = "STATE", description = "Only those in this state: ${COMPLETION-CANDIDATES}.") State state,
             @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).") int limit) {
        try (PbxhooksClient client = server.connect()) {
            ListDeliveriesRequest.Builder request = ListDeliveriesRequest.newBuilder()
                    .setAccountId(account).setIntegrationId(integration).setPageSize(Math.max(1, Math.min(limit, 1000)));
            if (state != null) {
                request.setState(Delivery.State.valueOf(state.name()));
            }
            List<Delivery> deliveries = Formats.allPages(token -> client.deliveries().listDeliveries(request.setPageToken(token).build()),
                    ListDeliveriesResponse::getDeliveriesList, ListDeliveriesResponse::getNextPageToken, Math.max(0, limit));
            if (output.json()) {
                OutputOption.printJson(ListDeliveriesResponse.newBuilder().addAllDeliveries(deliveries), out());
                return ExitCodes.OK;
            }
            Table table = DeliveryView.table();
            deliveries.forEach(delivery -> DeliveryView.addRow(table, delivery));
            table.print(out(), "No deliveries.");
        }
        return ExitCodes.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a delivery and each attempt: the request as sent (credentials masked) and the answer.")
    int show(@Mixin ServerOptions server, @Mixin OutputOption output, @Parameters(paramLabel = "ID") String id) {
        try (PbxhooksClient client = server.connect()) {
            GetDeliveryResponse response = client.deliveries().getDelivery(GetDeliveryRequest.newBuilder().setId(id).build());
            if (output.json()) {
                OutputOption.printJson(response, out());
                return ExitCodes.OK;
            }
            DeliveryView.print(response.getDelivery(), out());
            for (Attempt attempt : response.getAttemptsList()) {
                out().println();
                DeliveryView.printAttempt(attempt, out());
            }
        }
        return ExitCodes.OK;
    }

    @Command(name = "redeliver", mixinStandardHelpOptions = true, description = "Queues a succeeded or failed delivery again, with the same id (webhook-id).")
    int redeliver(@Mixin ServerOptions server, @Mixin OutputOption output, @Parameters(paramLabel = "ID") String id) {
        try (PbxhooksClient client = server.connect()) {
            Delivery delivery = client.deliveries().redeliverDelivery(RedeliverDeliveryRequest.newBuilder().setId(id).build()).getDelivery();
            if (output.json()) {
                OutputOption.printJson(delivery, out());
            } else {
                out().println("Queued delivery " + delivery.getId() + " again.");
            }
        }
        return ExitCodes.OK;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
