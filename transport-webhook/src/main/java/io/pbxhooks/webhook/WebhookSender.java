package io.pbxhooks.webhook;

import static java.util.Objects.requireNonNull;

import io.micronaut.buffer.netty.NettyByteBufferFactory;
import io.micronaut.http.ByteBodyHttpResponse;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.body.stream.AvailableByteArrayBody;
import io.pbxhooks.model.DeliveryResult;
import io.pbxhooks.model.Exchange;
import io.pbxhooks.spi.OutboundMessage;
import io.pbxhooks.spi.TransportSender;
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
        WebhookRequest webhookRequest;
        HttpRequest<?> request;
        String sent;
        try {
            if (closed.get()) {
                throw new IllegalStateException("this sender is closed");
            }
            webhookRequest = requests.create(message);
            request = toHttpRequest(webhookRequest);
            sent = RequestRendering.of(webhookRequest, config.secrets());
        } catch (RuntimeException bug) {
            return CompletableFuture.failedFuture(bug);
        }
        // The raw exchange hands over the response as soon as its head arrives, whatever its status, with the body
        // still streaming; only the excerpt's bytes are read. Closing the response (done, failed or cancelled on
        // timeout) releases the rest of the body and, when it was not read to its end, the connection.
        return Mono.usingWhen(
                        Mono.defer(() -> Mono.from(lease.client().exchange(request, body(webhookRequest), null))).single(),
                        response -> BodyStart.read(byteBody(response).byteBody(), ResponseExcerpt.BYTES_READ)
                                .map(bodyStart -> classify(response, bodyStart).withExchange(exchange(sent, response, bodyStart))),
                        WebhookSender::release, (response, failure) -> release(response), WebhookSender::release)
                .timeout(config.timeout())
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

    private DeliveryResult classify(HttpResponse<?> response, byte[] bodyStart) {
        return ResponseClassifier.classify(response.code(), reason(response), Optional.ofNullable(response.getHeaders().get("Retry-After")),
                bodyStart, config.secrets(), clock.instant());
    }

    private Exchange exchange(String sent, HttpResponse<?> response, byte[] bodyStart) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaders().forEach((name, values) -> headers.computeIfAbsent(name, absent -> new ArrayList<>())
                .addAll(values.stream().map(value -> SecretBlanking.blank(value, config.secrets())).toList()));
        return new Exchange(sent, headers, ResponseExcerpt.of(bodyStart, config.secrets()));
    }

    /** The client answers a raw exchange with a response whose body is a stream (no filter here replaces it). */
    private static ByteBodyHttpResponse<?> byteBody(HttpResponse<?> response) {
        if (response instanceof ByteBodyHttpResponse<?> streamed) {
            return streamed;
        }
        throw new IllegalStateException("the HTTP client answered with a " + response.getClass().getName() + ", not a streamed body");
    }

    private static Mono<Void> release(HttpResponse<?> response) {
        return Mono.fromRunnable(() -> {
            if (response instanceof ByteBodyHttpResponse<?> streamed) {
                streamed.close();
            }
        });
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

    /** The request's method, URL and headers; its body travels apart, as the bytes built. */
    private static HttpRequest<?> toHttpRequest(WebhookRequest request) {
        MutableHttpRequest<Object> http = HttpRequest.create(HttpMethod.valueOf(request.method().name()), request.url());
        request.headers().forEach(header -> http.header(header.name(), header.value()));
        return http;
    }

    private static CloseableByteBody body(WebhookRequest request) {
        return request.method() == RequestMethod.GET ? null : AvailableByteArrayBody.create(NettyByteBufferFactory.DEFAULT, request.body());
    }
}
