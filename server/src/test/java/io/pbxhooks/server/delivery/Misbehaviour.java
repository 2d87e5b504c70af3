package io.pbxhooks.server.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;

/** How a receiver that misbehaves answers an attempt whose timeout is {@link #ATTEMPT_TIMEOUT}. */
enum Misbehaviour {
    /** No response at all before the timeout. */
    HANGING,
    /** The status at once, then a body trickling in over five times the timeout. */
    DRIBBLING,
    /** A complete answer, but after half the timeout. */
    SLOW;

    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

    ResponseDefinitionBuilder answer() {
        int timeout = (int) ATTEMPT_TIMEOUT.toMillis();
        return switch (this) {
            case HANGING -> ok().withFixedDelay(3 * timeout);
            case DRIBBLING -> aResponse().withStatus(200).withBody("x".repeat(200)).withChunkedDribbleDelay(50, 5 * timeout);
            case SLOW -> ok().withFixedDelay(timeout / 2);
        };
    }
}
