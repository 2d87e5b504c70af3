package io.pbxhooks.server.ingest;

import com.google.protobuf.Timestamp;
import io.pbxhooks.admin.port.Principal;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.ingest.v1.PublishResponse.Outcome;
import io.pbxhooks.model.TriggerEvent;
import io.pbxhooks.server.LimitSettings;
import io.pbxhooks.server.matching.MatchIndex;
import io.pbxhooks.server.metrics.PbxhooksMetrics;
import io.pbxhooks.server.plugin.PluginRegistry;
import io.pbxhooks.spi.MalformedEventException;
import io.pbxhooks.spi.RawEvent;
import io.pbxhooks.spi.TriggerPlugin;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * One published event: checked, classified by its trigger plugin, matched against the account's integrations
 * and committed to the outbox. Returns only once the outcome is durable. The producer is a PRODUCER key's principal
 * (the only role the ingest service admits): an account's publishes for that account only, the platform's (no
 * account) for every account.
 */
@Singleton
public class EventIngest {

    private static final int MAX_EVENT_ID_LENGTH = 128;
    /** What the events and deliveries tables keep of an ordering key, whichever plugin made it. */
    private static final int MAX_ORDERING_KEY_LENGTH = 200;
    private static final Instant EARLIEST_OCCURRED_AT = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST_OCCURRED_AT = Instant.parse("9999-12-31T23:59:59Z");

    private final PluginRegistry plugins;
    private final MatchIndex index;
    private final GroupCommitter committer;
    private final int maxPayloadBytes;
    private final PbxhooksMetrics metrics;
    private final Clock clock = Clock.tickMillis(java.time.ZoneOffset.UTC);

    public EventIngest(PluginRegistry plugins, MatchIndex index, GroupCommitter committer, LimitSettings limits,
                       PbxhooksMetrics metrics) {
        this.metrics = metrics;
        this.plugins = plugins;
        this.index = index;
        this.committer = committer;
        this.maxPayloadBytes = limits.getEventPayloadBytes();
    }

    /** Returns once the outcome is durable; throws when the event cannot be stored now. */
    public PublishResponse publish(Principal producer, PublishRequest request) {
        try {
            return publishAsync(producer, request).join();
        } catch (CompletionException failure) {
            throw failure.getCause() instanceof RuntimeException cause ? cause : failure;
        }
    }

    /**
     * Checks and classifies the event at once and completes when its outcome is durable: with the group commit of the
     * events published meanwhile, or at once for a rejected one. Completes exceptionally when it cannot be stored now.
     */
    public CompletableFuture<PublishResponse> publishAsync(Principal producer, PublishRequest request) {
        Optional<String> problem = problemWith(producer, request);
        if (problem.isPresent()) {
            return CompletableFuture.completedFuture(response(request, Outcome.REJECTED, problem.get(), 0));
        }
        TriggerPlugin trigger = plugins.trigger(request.getServiceType()).orElseThrow();
        RawEvent raw = new RawEvent(request.getEventId(), request.getAccountId(), request.getServiceType(),
                toInstant(request.getOccurredAt()), typeName(request.getPayload().getTypeUrl()), request.getPayload().getValue().toByteArray());
        Optional<TriggerEvent> event;
        try {
            event = trigger.classify(raw);
        } catch (MalformedEventException malformed) {
            return CompletableFuture.completedFuture(response(request, Outcome.REJECTED, malformed.getMessage(), 0));
        }
        Optional<String> orderingKey = event.flatMap(TriggerEvent::ordering);
        if (orderingKey.isPresent() && orderingKey.get().length() > MAX_ORDERING_KEY_LENGTH) {
            return CompletableFuture.completedFuture(response(request, Outcome.REJECTED, "the event's ordering key (e.g. its call's id) is "
                    + orderingKey.get().length() + " characters long; at most " + MAX_ORDERING_KEY_LENGTH + " are accepted", 0));
        }
        List<String> matches = event.map(fired -> index.match(raw.accountId(), raw.serviceType(), fired.eventType())).orElse(List.of());
        return committer.submit(new Outbox.Incoming(raw, event, matches, clock.instant())).thenApply(accepted -> {
            if (accepted.duplicate()) {
                return response(request, Outcome.DUPLICATE, "", 0);
            }
            return response(request, Outcome.ACCEPTED, "", accepted.deliveries());
        });
    }

    private Optional<String> problemWith(Principal producer, PublishRequest request) {
        if (request.getEventId().isBlank()) {
            return Optional.of("event_id is required");
        }
        if (request.getEventId().length() > MAX_EVENT_ID_LENGTH) {
            return Optional.of("event_id must be at most " + MAX_EVENT_ID_LENGTH + " characters");
        }
        if (request.getPayload().getValue().size() > maxPayloadBytes) {
            return Optional.of("payload is " + request.getPayload().getValue().size() + " bytes; at most " + maxPayloadBytes
                    + " bytes are accepted (pbxhooks.limits.event-payload-bytes)");
        }
        if (request.getAccountId().isBlank()) {
            return Optional.of("account_id is required");
        }
        if (producer.accountId() != null && !producer.accountId().equals(request.getAccountId())) {
            return Optional.of("this producer key publishes only for account " + producer.accountId());
        }
        if (!index.knowsAccount(request.getAccountId())) {
            return Optional.of("account " + request.getAccountId() + " does not exist");
        }
        if (plugins.trigger(request.getServiceType()).isEmpty()) {
            return Optional.of("service_type \"" + request.getServiceType() + "\" is not known; known service types: "
                    + plugins.triggers().stream().map(trigger -> trigger.serviceType().id()).collect(Collectors.joining(", ")));
        }
        if (!request.hasOccurredAt()) {
            return Optional.of("occurred_at is required");
        }
        if (!isStorable(request.getOccurredAt())) {
            return Optional.of("occurred_at must be a time from " + EARLIEST_OCCURRED_AT + " to " + LATEST_OCCURRED_AT
                    + " (seconds " + request.getOccurredAt().getSeconds() + ", nanos " + request.getOccurredAt().getNanos() + ")");
        }
        if (!request.hasPayload()) {
            return Optional.of("payload is required");
        }
        return Optional.empty();
    }

    /** A valid protobuf Timestamp within what a DATETIME column keeps, on MySQL and H2 alike. */
    private static boolean isStorable(Timestamp time) {
        return time.getNanos() >= 0 && time.getNanos() <= 999_999_999
                && time.getSeconds() >= EARLIEST_OCCURRED_AT.getEpochSecond() && time.getSeconds() <= LATEST_OCCURRED_AT.getEpochSecond();
    }

    private static String typeName(String typeUrl) {
        return typeUrl.substring(typeUrl.lastIndexOf('/') + 1);
    }

    private static Instant toInstant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private PublishResponse response(PublishRequest request, Outcome outcome, String reason, int deliveries) {
        // Only loaded service types become label values: producers cannot grow the metric without bound.
        String serviceType = plugins.trigger(request.getServiceType()).isPresent() ? request.getServiceType() : "unknown";
        String accountId = index.knowsAccount(request.getAccountId()) ? request.getAccountId() : PbxhooksMetrics.UNKNOWN_ACCOUNT;
        metrics.eventReceived(serviceType, outcome.name().toLowerCase(java.util.Locale.ROOT), accountId);
        return PublishResponse.newBuilder().setEventId(request.getEventId()).setOutcome(outcome).setReason(reason).setDeliveries(deliveries).build();
    }
}
