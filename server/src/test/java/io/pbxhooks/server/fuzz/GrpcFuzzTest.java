package io.pbxhooks.server.fuzz;

import static io.pbxhooks.server.testing.AdminTestServer.OPERATOR_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpServer;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import io.pbxhooks.admin.port.IntegrationRecord;
import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateIntegrationRequest;
import io.pbxhooks.admin.v1.GetIntegrationRequest;
import io.pbxhooks.admin.v1.Integration;
import io.pbxhooks.admin.v1.ListDeliveriesRequest;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import io.pbxhooks.admin.v1.UpdateIntegrationRequest;
import io.pbxhooks.admin.v1.ValidateIntegrationRequest;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.persistence.JdbcIntegrationStore;
import io.pbxhooks.server.testing.AdminTestServer;
import io.pbxhooks.server.testing.TestDatabase;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thousands of malformed requests (seeded, reproducible: {@code -Dpbxhooks.fuzz.seed=N}; {@code -Dpbxhooks.fuzz.requests=N})
 * at the real gRPC endpoints of a whole server: every one gets a clean status (never UNKNOWN, never INTERNAL, no stack
 * trace or exception text), the server stays healthy and serves valid requests, and the database stays consistent: every
 * integration readable and valid, integrations and audit entries matching the changes that succeeded, events matching
 * the acknowledgements.
 */
class GrpcFuzzTest {

    private static final int REQUESTS = Integer.getInteger("pbxhooks.fuzz.requests", 5000);
    private static final Duration TIME_BUDGET = Duration.ofSeconds(50);
    /** Fewer requests than this within the time budget would not be "thousands": the run is too slow to count as fuzzing. */
    private static final int MINIMUM_REQUESTS = Math.min(REQUESTS, 1_000);
    /** What a reply must never show: stack traces, exception and class names, database internals. */
    /** The test's own client warns of every unpaired surrogate it sends; held so that java.util.logging keeps the level. */
    private static final java.util.logging.Logger PROTOBUF_ENCODER_LOG = java.util.logging.Logger.getLogger("com.google.protobuf.CodedOutputStream");
    private static final Pattern LEAK = Pattern.compile("Exception|\\tat |Caused by|java\\.|javax\\.|io\\.pbxhooks\\.|org\\.h2|com\\.mysql|"
            + "SQLState|jdbc:|Duplicate entry|constraint", Pattern.CASE_INSENSITIVE);

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void malformedRequestsGetCleanStatusesAndLeaveTheServerHealthyAndItsDataConsistent(TestDatabase.Kind database) throws Exception {
        PROTOBUF_ENCODER_LOG.setLevel(java.util.logging.Level.SEVERE);
        long seed = Long.getLong("pbxhooks.fuzz.seed", new Random().nextLong());
        System.out.println("Fuzzing the gRPC endpoints on " + database + " with seed " + seed + " (rerun with -Dpbxhooks.fuzz.seed=" + seed + ")");
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try (AdminTestServer api = AdminTestServer.start(database)) {
            new Run(api, new Random(seed), "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks", seed).fuzz();
        } finally {
            receiver.stop(0);
        }
    }

    /** One fuzzing run against one server. */
    private static final class Run {
        private final AdminTestServer api;
        private final Random random;
        private final String receiverUrl;
        private final long seed;
        private final RawCalls calls;
        private final StatusTally tally = new StatusTally();
        private final List<String> problems = new ArrayList<>();
        private final String accountId = "fuzz";
        private String adminKey;
        private String producerKey;
        private int acceptedEvents;
        private int unsureEvents;

        Run(AdminTestServer api, Random random, String receiverUrl, long seed) {
            this.api = api;
            this.random = random;
            this.receiverUrl = receiverUrl;
            this.seed = seed;
            this.calls = new RawCalls(api.server().channel());
        }

        void fuzz() throws Exception {
            adminKey = api.createAccountWithAdmin(accountId);
            producerKey = api.createKey(accountId, ApiKey.Role.PRODUCER).getSecret();
            api.accounts(OPERATOR_KEY).setApplicationEnabled(SetApplicationEnabledRequest.newBuilder().setAccountId(accountId)
                    .setApplication("service-integrations").setEnabled(true).build());
            Integration stored = create(adminKey, FuzzTargets.integration(receiverUrl));
            Integration victim = create(adminKey, FuzzTargets.integration(receiverUrl).setName("to be deleted"));
            PublishResponse first = api.ingest(producerKey).publishOne(FuzzTargets.event(accountId, "fuzz-first-event"));
            assertEquals(PublishResponse.Outcome.ACCEPTED, first.getOutcome());
            acceptedEvents++;
            String deliveryId = api.deliveries(adminKey).listDeliveries(ListDeliveriesRequest.newBuilder().setIntegrationId(stored.getId()).build())
                    .getDeliveries(0).getId();
            Baseline before = Baseline.of(api);

            FuzzStrings strings = new FuzzStrings(random, List.of(accountId, victim.getId(), deliveryId, "webhook", "hosted-pbx",
                    "inbound_call_answered", "ivr_option_selected", "extension_number", "source_number", "service-integrations", "POST", "GET",
                    "JSON", "QUERY", "BASIC", "TOKEN", "headers", "auth.password", "signing_secret", receiverUrl, stored.getEtag(), "2",
                    "X-Source", "fuzz-event-template"));
            List<FuzzTargets.Target> targets = FuzzTargets.weighted(accountId, stored, victim.getId(), deliveryId, receiverUrl);
            MessageFuzzer fuzzer = new MessageFuzzer(random, strings, FuzzTargets.answeredCall(),
                    targets.stream().map(FuzzTargets.Target::template).distinct().toList());
            long started = System.nanoTime();
            int sent = 0;
            while (sent < REQUESTS && System.nanoTime() - started < TIME_BUDGET.toNanos()) {
                FuzzTargets.Target target = random.nextInt(200) == 0 ? FuzzTargets.sendTestEvent(stored.getId())
                        : targets.get(random.nextInt(targets.size()));
                send(target, fuzzer, sent++);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("Fuzzed %d requests in %.1f s (%.0f/s), seed %d:%n%s%n", sent, took.toMillis() / 1000.0,
                    sent * 1e9 / Math.max(1, took.toNanos()), seed, tally.describe());
            int requestsSent = sent;
            assertTrue(requestsSent >= MINIMUM_REQUESTS, () -> "only " + requestsSent + " requests within the " + TIME_BUDGET.toSeconds()
                    + " s budget; at least " + MINIMUM_REQUESTS + " expected");

            assertTrue(problems.isEmpty(), () -> problems.size() + " unclean replies (seed " + seed + "):\n" + String.join("\n", problems));
            assertHealthy();
            assertConsistent(before);
        }

        private void send(FuzzTargets.Target target, MessageFuzzer fuzzer, int index) throws Exception {
            MethodDescriptor.MethodType type = target.method().getType();
            List<byte[]> requests = new ArrayList<>();
            int messages = type == MethodDescriptor.MethodType.BIDI_STREAMING ? 1 + random.nextInt(5) : random.nextInt(100) == 0 ? 0 : 1;
            for (int message = 0; message < messages; message++) {
                requests.add(fuzzer.request(current(target.template(), index + "-" + message)));
            }
            RawCalls.Outcome outcome = calls.call(target.method().getFullMethodName(), type, requests, authorization(target));
            check(target, requests, outcome, index);
        }

        /** The template as things stand: a new event id for each event, the integration's etag as it is now. */
        private Message current(Message template, String eventSuffix) {
            if (template instanceof PublishRequest event) {
                return event.toBuilder().setEventId("fuzz-" + eventSuffix).build();
            }
            if (template instanceof UpdateIntegrationRequest update) {
                try {
                    String etag = api.integrations(OPERATOR_KEY).getIntegration(GetIntegrationRequest.newBuilder()
                            .setId(update.getIntegration().getId()).build()).getIntegration().getEtag();
                    return update.toBuilder().setIntegration(update.getIntegration().toBuilder().setEtag(etag)).build();
                } catch (io.grpc.StatusRuntimeException gone) {
                    return template;
                }
            }
            return template;
        }

        private String authorization(FuzzTargets.Target target) {
            int roll = random.nextInt(100);
            boolean ingest = target.method().getServiceName().startsWith("pbxhooks.ingest");
            if (roll < 75) {
                return "Bearer " + (ingest ? producerKey : adminKey);
            }
            if (roll < 85) {
                return "Bearer " + OPERATOR_KEY;
            }
            if (roll < 89) {
                return "Bearer " + (ingest ? adminKey : producerKey);
            }
            if (roll < 92) {
                return null;
            }
            return switch (random.nextInt(5)) {
                case 0 -> "Bearer ";
                case 1 -> "Basic " + adminKey;
                case 2 -> "Bearer pbx_" + UUID.randomUUID();
                case 3 -> "bearer    " + adminKey.toUpperCase();
                default -> "Bearer " + "k".repeat(random.nextInt(5000));
            };
        }

        private void check(FuzzTargets.Target target, List<byte[]> requests, RawCalls.Outcome outcome, int index) {
            Status status = outcome.status();
            tally.record(target.name(), status);
            String description = String.valueOf(status.getDescription());
            if (status.getCode() == Status.Code.UNKNOWN || status.getCode() == Status.Code.INTERNAL || LEAK.matcher(description).find()) {
                problem(target, requests, index, status.getCode() + ": " + description);
            }
            com.google.rpc.Status details = StatusProto.fromStatusAndTrailers(status, outcome.trailers());
            if (details != null && (details.getCode() != status.getCode().value() || LEAK.matcher(details.getMessage()).find())) {
                problem(target, requests, index, "details " + details.getCode() + ": " + details.getMessage());
            }
            boolean ingest = target.method().getServiceName().startsWith("pbxhooks.ingest");
            if (ingest) {
                checkEvents(target, requests, outcome, index);
            }
        }

        private void checkEvents(FuzzTargets.Target target, List<byte[]> requests, RawCalls.Outcome outcome, int index) {
            for (byte[] bytes : outcome.responses()) {
                try {
                    PublishResponse response = PublishResponse.parseFrom(bytes);
                    tally.recordEvent(response.getOutcome().name());
                    if (response.getOutcome() == PublishResponse.Outcome.ACCEPTED) {
                        acceptedEvents++;
                    }
                    if (LEAK.matcher(response.getReason()).find()) {
                        problem(target, requests, index, "event reason: " + response.getReason());
                    }
                } catch (InvalidProtocolBufferException e) {
                    problem(target, requests, index, "unreadable response " + e.getMessage());
                }
            }
            Status.Code code = outcome.status().getCode();
            if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
                // The database is up: an event refused as "cannot be stored now" is a bug of ingest, not of the producer.
                problem(target, requests, index, "ingest answered " + outcome.status());
            }
            if (code != Status.Code.OK) {
                // A stream ended by a malformed message leaves the events before it that were still being committed
                // unanswered: stored or not, they are the producer's to publish again.
                unsureEvents += requests.size() - outcome.responses().size();
            }
        }

        private void problem(FuzzTargets.Target target, List<byte[]> requests, int index, String what) {
            if (problems.size() < 30) {
                String sample = requests.isEmpty() ? "(no message)" : HexFormat.of().formatHex(requests.get(0), 0, Math.min(120, requests.get(0).length));
                problems.add("#" + index + " " + target.name() + " → " + cut(what) + "\n    request: " + sample);
            } else if (problems.size() == 30) {
                problems.add("… and more");
            }
        }

        private void assertHealthy() {
            HealthCheckResponse health = HealthGrpc.newBlockingStub(api.server().channel()).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance());
            assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.getStatus());
            String freshAccount = "fuzz-after-" + UUID.randomUUID().toString().substring(0, 8);
            String freshAdmin = api.createAccountWithAdmin(freshAccount);
            Integration created = create(freshAdmin, FuzzTargets.integration(receiverUrl));
            assertEquals(created, api.integrations(freshAdmin).getIntegration(GetIntegrationRequest.newBuilder().setId(created.getId()).build())
                    .getIntegration());
            String freshProducer = api.createKey(freshAccount, ApiKey.Role.PRODUCER).getSecret();
            assertEquals(PublishResponse.Outcome.ACCEPTED, api.ingest(freshProducer).publishOne(FuzzTargets.event(freshAccount, "after-fuzz"))
                    .getOutcome());
        }

        private void assertConsistent(Baseline before) {
            Baseline after = Baseline.of(api);
            int creates = tally.count("CreateIntegration", Status.Code.OK);
            int deletes = tally.count("DeleteIntegration", Status.Code.OK);
            int updates = tally.count("UpdateIntegration", Status.Code.OK);
            int accounts = tally.count("CreateAccount", Status.Code.OK);
            System.out.printf("Consistency: integrations %d → %d (+%d created, -%d deleted, 1 after the run), %d updated; accounts +%d; "
                    + "events stored %d for %d acknowledged ACCEPTED%n", before.integrations(), after.integrations(), creates, deletes, updates, accounts,
                    after.events(), acceptedEvents + 1);
            // The run ends with one account and one integration of its own (assertHealthy).
            assertEquals(before.integrations() + creates - deletes + 1, after.integrations(), "integration rows");
            assertEquals(before.audited("integration.create") + creates + 1, after.audited("integration.create"), "integration.create audit entries");
            assertEquals(before.audited("integration.delete") + deletes, after.audited("integration.delete"), "integration.delete audit entries");
            assertEquals(before.audited("integration.update") + updates, after.audited("integration.update"), "integration.update audit entries");
            assertEquals(before.accounts() + accounts + 1, after.accounts(), "account rows");
            assertEquals(before.audited("account.create") + accounts + 1, after.audited("account.create"), "account.create audit entries");
            long acknowledged = acceptedEvents + 1;
            assertTrue(after.events() >= acknowledged && after.events() <= acknowledged + unsureEvents,
                    () -> after.events() + " events stored for " + acknowledged + " ACCEPTED");
            assertEveryIntegrationReadableAndValid();
        }

        private void assertEveryIntegrationReadableAndValid() {
            JdbcIntegrationStore store = api.server().context().getBean(JdbcIntegrationStore.class);
            List<String> ids = api.server().queryForStrings("SELECT id FROM integrations ORDER BY id");
            for (String id : ids) {
                IntegrationRecord record = store.find(id).orElseThrow();
                Integration read = api.integrations(OPERATOR_KEY).getIntegration(GetIntegrationRequest.newBuilder().setId(record.id()).build())
                        .getIntegration();
                assertEquals(List.of(), api.integrations(OPERATOR_KEY).validateIntegration(ValidateIntegrationRequest.newBuilder()
                        .setIntegration(read).build()).getViolationsList(), () -> "stored integration " + id + " is not valid: " + read);
            }
            System.out.println("Consistency: all " + ids.size() + " stored integrations are readable and valid");
        }

        private Integration create(String key, Integration.Builder integration) {
            return api.integrations(key).createIntegration(CreateIntegrationRequest.newBuilder().setIntegration(integration).build()).getIntegration();
        }

        private static String cut(String text) {
            String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
            return oneLine.length() > 400 ? oneLine.substring(0, 400) + "…" : oneLine;
        }
    }

    /** Row counts to compare before and after fuzzing. */
    private record Baseline(long integrations, long accounts, long events, java.util.Map<String, Long> audit) {

        static Baseline of(AdminTestServer api) {
            java.util.Map<String, Long> audit = new java.util.HashMap<>();
            for (String action : List.of("integration.create", "integration.update", "integration.delete", "account.create")) {
                audit.put(action, api.server().queryForLong("SELECT COUNT(*) FROM audit_entries WHERE action = '" + action + "'"));
            }
            return new Baseline(api.server().queryForLong("SELECT COUNT(*) FROM integrations"),
                    api.server().queryForLong("SELECT COUNT(*) FROM accounts"),
                    api.server().queryForLong("SELECT COUNT(*) FROM events WHERE event_id NOT LIKE 'test-%'"), audit);
        }

        long audited(String action) {
            return audit.get(action);
        }
    }
}
