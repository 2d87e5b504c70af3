package io.pbxhooks.server.shutdown;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.order.Ordered;
import io.pbxhooks.server.delivery.Dispatcher;
import io.pbxhooks.server.grpc.GrpcServer;
import io.pbxhooks.server.ingest.PublishStreams;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that orders a node's shutdown, since the order in which Micronaut destroys beans is not the order in
 * which the work must stop:
 * <ol>
 * <li>readiness DOWN and gRPC health NOT_SERVING, for good; the gRPC server takes no new calls;</li>
 * <li>each open Publish stream ends with UNAVAILABLE once the events it is committing are acknowledged;</li>
 * <li>the dispatcher stops claiming, gives back what it claimed and did not start, and waits up to the grace period
 * for the attempts in progress, whose outcomes are recorded;</li>
 * <li>the Publish streams still committing an event get what is left of the grace period (at least
 * {@link #MINIMUM_FOR_STREAMS}); the other calls still open (admin calls, health watches) get {@link #OTHER_CALLS}, then
 * are cancelled.</li>
 * </ol>
 * Only then are the beans destroyed, the database pool among them. On SIGTERM it starts at once, from a JVM shutdown
 * hook of its own running beside Micronaut's (which stops the HTTP server, then the context); the context's
 * ShutdownEvent, published before any bean is destroyed, waits for it to end. A context closed without a signal
 * (tests, the embedded demo) runs it from that event.
 */
@Context
public class ShutdownSequence implements ApplicationEventListener<ShutdownEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);
    /** Long enough for a commit that waits for a database connection (the pool's connection timeout is 5 s). */
    private static final Duration MINIMUM_FOR_STREAMS = Duration.ofSeconds(6);
    /** Admin calls are short; a health Watch never ends by itself. */
    private static final Duration OTHER_CALLS = Duration.ofSeconds(1);

    private final ShutdownSettings settings;
    private final GrpcServer grpc;
    private final PublishStreams streams;
    /** Absent on an ingest-only node ({@code pbxhooks.delivery.enabled=false}). */
    private final Optional<Dispatcher> dispatcher;
    private final Thread signalHook = new Thread(this::run, "pbxhooks-shutdown");
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);

    ShutdownSequence(ShutdownSettings settings, GrpcServer grpc, PublishStreams streams, Optional<Dispatcher> dispatcher) {
        this.settings = settings;
        this.grpc = grpc;
        this.streams = streams;
        this.dispatcher = dispatcher;
        Runtime.getRuntime().addShutdownHook(signalHook);
    }

    /** Before the other listeners of the ShutdownEvent, which may close what the sequence still uses. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    public boolean isShuttingDown() {
        return started.get();
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        run();
        try {
            Runtime.getRuntime().removeShutdownHook(signalHook);
        } catch (IllegalStateException signalled) {
            // The JVM is shutting down: the hook has run already.
        }
    }

    private void run() {
        if (!started.compareAndSet(false, true)) {
            awaitFinished();
            return;
        }
        try {
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The shutdown sequence failed; stopping anyway", e);
        } finally {
            finished.countDown();
        }
    }

    private void drain() throws InterruptedException {
        long start = System.nanoTime();
        Duration grace = settings.getGracePeriod();
        LOG.info("Shutting down: not ready, no new calls, Publish streams end once their events in progress are answered; "
                + "delivery attempts in progress get up to {}", grace);
        grpc.stopAccepting();
        streams.drain();
        Dispatcher.Drained drained = dispatcher.isPresent() ? dispatcher.get().drain(grace) : new Dispatcher.Drained(0, 0, 0);
        Duration left = grace.minusNanos(System.nanoTime() - start);
        boolean streamsEnded = streams.awaitAllEnded(left.compareTo(MINIMUM_FOR_STREAMS) > 0 ? left : MINIMUM_FOR_STREAMS);
        boolean callsEnded = grpc.awaitCallsEnded(OTHER_CALLS);
        LOG.info("Drained in {} ms: {} claimed deliveries given back unstarted, {} attempts waited for, {} of them left to their lease; {}; {}",
                Duration.ofNanos(System.nanoTime() - start).toMillis(), drained.released(), drained.inFlight(), drained.abandoned(),
                streamsEnded ? "every Publish stream ended" : "Publish streams still committing were cancelled",
                callsEnded ? "every gRPC call ended" : "other gRPC calls still open were cancelled");
    }

    private void awaitFinished() {
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
