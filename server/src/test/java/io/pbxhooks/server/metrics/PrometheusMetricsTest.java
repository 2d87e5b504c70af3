package io.pbxhooks.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.util.Timestamps;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.hostedpbx.v1.CallEvent;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc.EventIngestServiceBlockingStub;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Prometheus endpoint after real traffic: the counters moved by exactly what happened, with bounded labels. */
class PrometheusMetricsTest {

    @Test
    void countersMoveByWhatHappened() throws Exception {
        try (AdminTestServer api = AdminTestServer.start(TestDatabase.Kind.H2, Map.of())) {
            String accountId = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
            api.createAccountWithAdmin(accountId);
            api.accounts(AdminTestServer.OPERATOR_KEY).setApplicationEnabled(SetApplicationEnabledRequest.newBuilder()
                    .setAccountId(accountId).setApplication("service-integrations").setEnabled(true).build());
            EventIngestServiceBlockingStub ingest = api.ingest(api.createKey(accountId, ApiKey.Role.PRODUCER).getSecret());
            String before = scrape(api);

            for (int call = 0; call < 3; call++) {
                ingest.publishOne(event(accountId, "evt-" + call, "hosted-pbx"));
            }
            ingest.publishOne(event(accountId, "evt-0", "hosted-pbx"));
            ingest.publishOne(event(accountId, "evt-x", "no-such-service-" + UUID.randomUUID()));
            String after = scrape(api);

            assertEquals(3.0, counter(after, "accepted", "hosted-pbx") - counter(before, "accepted", "hosted-pbx"));
            assertEquals(1.0, counter(after, "duplicate", "hosted-pbx") - counter(before, "duplicate", "hosted-pbx"));
            assertEquals(1.0, counter(after, "rejected", "unknown") - counter(before, "rejected", "unknown"));
            assertFalse(after.contains("no-such-service"), "an unknown service type never becomes a label value");
            assertFalse(after.contains(accountId), "no account ids as labels");
            assertTrue(after.contains("pbxhooks_deliveries_due "), "the due-deliveries gauge is exported");
            assertTrue(after.contains("hikaricp_connections_active"), "database pool usage is exported");
        }
    }

    private static PublishRequest event(String accountId, String eventId, String serviceType) {
        return PublishRequest.newBuilder().setEventId(eventId).setAccountId(accountId).setServiceType(serviceType)
                .setOccurredAt(Timestamps.fromMillis(System.currentTimeMillis()))
                .setPayload(Any.pack(CallEvent.newBuilder().setKind(CallEvent.Kind.CALL_STARTED).setDirection(CallEvent.Direction.INBOUND)
                        .setCallUuid(UUID.randomUUID().toString()).build()))
                .build();
    }

    private static double counter(String scrape, String outcome, String serviceType) {
        Matcher line = Pattern.compile("^pbxhooks_events_received_total\\{(?=[^}]*outcome=\"" + outcome + "\")(?=[^}]*service_type=\""
                + Pattern.quote(serviceType) + "\")[^}]*} ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0.0;
    }

    private static String scrape(AdminTestServer api) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + api.server().httpPort() + "/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }
}
