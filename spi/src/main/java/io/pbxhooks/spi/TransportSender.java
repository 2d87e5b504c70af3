package io.pbxhooks.spi;

import io.pbxhooks.model.DeliveryResult;
import java.util.concurrent.CompletionStage;

/**
 * Sends the deliveries of one integration. It makes exactly one attempt per call and classifies the
 * outcome; it never sleeps, retries or follows redirects by itself: the host owns retries and ordering.
 */
public interface TransportSender extends AutoCloseable {

    /** One attempt. The stage completes with the classified result; it completes exceptionally only on a bug. */
    CompletionStage<DeliveryResult> send(OutboundMessage message);

    @Override
    default void close() {
    }
}
