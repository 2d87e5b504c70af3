package io.pbxhooks.webhook;

import static java.util.Objects.requireNonNull;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.model.Exchange;
import io.pbxhooks.spi.OutboundMessage;
import io.pbxhooks.spi.TransportSender;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Sends one integration's deliveries: one request per attempt, the whole exchange bounded by the timeout. Every
 * result carries its {@link Exchange}: the request as sent and what came back, credentials blanked out.
 */
final class WebhookSender implements TransportSender {

    /** Reactor's per-subscription handler for errors raised after cancellation (see Operators.onErrorDropped). */
    private static final String ON_ERROR_DROPPED = "reactor.onErrorDropped.local";

    private static final Argument<byte[]> BYTES = Argument.of(byte[].class);

    private final WebhookConfig config;
    private final WebhookRequestFactory requests;
    private final SharedHttpClient.Lease lease;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();

    WebhookSender(WebhookConfig config, SharedHttpClient.Lease lease, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.requests = new WebhookRequestFactory(config);
        this.lease = requireNonNull(lease, "lease is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public CompletionStage<DeliveryResult> send(OutboundMessage message) {
        MutableHttpRequest<?> request;
        String sent;
        try {
            if (closed.get()) {
                throw new IllegalStateException("this sender is closed");
            }
            WebhookRequest webhookRequest = requests.create(message);
            request = toHttpRequest(webhookRequest);
            sent = RequestRendering.of(webhookRequest, config.secrets());
        } catch (RuntimeException bug) {
            return CompletableFuture.failedFuture(bug);
        }
        // Error statuses arrive as responses (exceptionOnErrorStatus is off); cancelling on timeout closes the connection.
        return Mono.from(lease.client().exchange(request, BYTES, BYTES))
                .single()
                .timeout(config.timeout())
                .map(response -> classify(response).withExchange(exchange(sent, response)))
                .onErrorResume(failure -> Mono.just(FailureClassifier.classify(failure, config.timeout()).withExchange(Exchange.requestOnly(sent))))
                // After a timeout has cancelled the exchange, the client still reports the connection it closed; the attempt is
                // already classified, so that late error is dropped quietly instead of being logged as an unhandled one.
                .contextWrite(Context.of(ON_ERROR_DROPPED, (Consumer<Throwable>) lateError -> { }))
                .toFuture();
    }

    @Override
    public void close() {
        closed.set(true);
        lease.close();
    }

    private DeliveryResult classify(HttpResponse<byte[]> response) {
        return ResponseClassifier.classify(response.code(), reason(response), Optional.ofNullable(response.getHeaders().get("Retry-After")),
                response.getBody().orElse(new byte[0]), config.secrets(), clock.instant());
    }

    private Exchange exchange(String sent, HttpResponse<byte[]> response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaders().forEach((name, values) -> headers.computeIfAbsent(name, absent -> new ArrayList<>())
                .addAll(values.stream().map(value -> SecretBlanking.blank(value, config.secrets())).toList()));
        return new Exchange(sent, headers, ResponseExcerpt.of(response.getBody().orElse(new byte[0]), config.secrets()));
    }

    /** The receiver's reason phrase, or the standard one when it sent none (HTTP/2 never does). */
    private static String reason(HttpResponse<?> response) {
        if (response.reason() != null && !response.reason().isBlank()) {
            return response.reason();
        }
        try {
            return HttpStatus.valueOf(response.code()).getReason();
        } catch (IllegalArgumentException unknownStatus) {
            return "";
        }
    }

    private static MutableHttpRequest<?> toHttpRequest(WebhookRequest request) {
        MutableHttpRequest<Object> http = HttpRequest.create(HttpMethod.valueOf(request.method().name()), request.url());
        request.headers().forEach(header -> http.header(header.name(), header.value()));
        if (request.method() != RequestMethod.GET) {
            // Micronaut form-encodes a form body unless it is text; this one is already-encoded ASCII.
            boolean form = request.header("Content-Type").filter(WebhookRequestFactory.FORM::equals).isPresent();
            http.body(form ? new String(request.body(), StandardCharsets.US_ASCII) : request.body());
        }
        return http;
    }
}
