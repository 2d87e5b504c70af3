package io.pbxhooks.server.cli;

import io.pbxhooks.admin.v1.Attempt;
import io.pbxhooks.admin.v1.Delivery;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** Deliveries and their attempts as people read them; the server has already masked credentials and signatures. */
final class DeliveryView {

    private DeliveryView() {
    }

    static Table table() {
        return new Table("ID", "CREATED", "EVENT", "STATE", "ATTEMPTS", "LAST RESULT", "INTEGRATION");
    }

    static void addRow(Table table, Delivery delivery) {
        table.row(delivery.getId(), Formats.time(delivery.getCreateTime()), delivery.getEventType() + (delivery.getTest() ? " (test)" : ""),
                Formats.name(delivery.getState()), Integer.toString(delivery.getAttemptCount()), lastResult(delivery), delivery.getIntegrationId());
    }

    static void print(Delivery delivery, PrintWriter out) {
        new Details()
                .add("Delivery", delivery.getId())
                .add("Account", delivery.getAccountId())
                .add("Integration", delivery.getIntegrationId())
                .add("Event", delivery.getServiceType() + " / " + delivery.getEventType() + " (event id " + delivery.getEventId() + ")")
                .add("Test", delivery.getTest() ? "yes" : "")
                .add("State", Formats.name(delivery.getState()))
                .add("Attempts", delivery.getAttemptCount())
                .add("Last result", lastResult(delivery))
                .add("Next attempt", Formats.time(delivery.getNextAttemptTime()))
                .add("Created", Formats.time(delivery.getCreateTime()))
                .add("Updated", Formats.time(delivery.getUpdateTime()))
                .print(out);
    }

    static void printAttempt(Attempt attempt, PrintWriter out) {
        new Details()
                .add("Attempt", attempt.getNumber() + " at " + Formats.time(attempt.getStartTime()) + ", took " + Formats.millis(attempt.getDuration()))
                .add("Outcome", Formats.name(attempt.getOutcome()) + (attempt.getStatusCode() == 0 ? "" : ", HTTP " + attempt.getStatusCode()))
                .add("Detail", attempt.getDetail())
                .add("Request", attempt.getRequest().stripTrailing())
                .add("Response", attempt.getResponseHeadersList().stream()
                        .map(header -> header.getName() + ": " + header.getValue()).collect(Collectors.joining("\n")))
                .add("Body", attempt.getResponseExcerpt().stripTrailing())
                .print(out);
    }

    private static String lastResult(Delivery delivery) {
        if (delivery.getAttemptCount() == 0) {
            return "";
        }
        String status = delivery.getLastStatusCode() == 0 ? "no response" : "HTTP " + delivery.getLastStatusCode();
        return delivery.getLastError().isEmpty() ? status : status + ": " + delivery.getLastError();
    }
}
