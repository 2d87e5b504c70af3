package io.pbxhooks.webhook;

import io.micronaut.http.body.ByteBody;
import java.io.ByteArrayOutputStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the start of a response body and stops: a receiver that answers with megabytes costs an attempt only its
 * first bytes. The body is read chunk by chunk as they arrive; once enough are in, the subscription is cancelled and
 * the rest is never read.
 */
final class BodyStart {

    private BodyStart() {
    }

    /** The body's first {@code limit} bytes, or the whole body when it is shorter. */
    static Mono<byte[]> read(ByteBody body, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return Mono.defer(() -> {
            ByteArrayOutputStream start = new ByteArrayOutputStream();
            return Flux.from(body.toByteArrayPublisher())
                    .takeUntil(chunk -> {
                        start.write(chunk, 0, Math.min(chunk.length, limit - start.size()));
                        return start.size() == limit;
                    })
                    .then(Mono.fromSupplier(start::toByteArray));
        });
    }
}
