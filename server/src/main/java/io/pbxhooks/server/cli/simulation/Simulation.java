package io.pbxhooks.server.cli.simulation;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.pbxhooks.ingest.v1.EventIngestServiceGrpc;
import io.pbxhooks.ingest.v1.PublishRequest;
import io.pbxhooks.ingest.v1.PublishResponse;
import io.pbxhooks.server.cli.CommandFailure;
import io.pbxhooks.server.cli.ExitCodes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plays a plan over one {@code EventIngestService.Publish} stream at the planned rate. At most {@code maxInFlight} events
 * are unacknowledged at any time, so a server that acknowledges slowly slows the simulation down instead of piling up
 * events in memory.
 */
public final class Simulation {

    private static final long POLL_MILLIS = 100;
    private static final Duration LAST_ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(60);

    private final EventIngestServiceGrpc.EventIngestServiceStub ingest;
    private final int maxInFlight;
    private final SimulationTally tally = new SimulationTally();

    public Simulation(EventIngestServiceGrpc.EventIngestServiceStub ingest, int maxInFlight) {
        this.ingest = ingest;
        this.maxInFlight = maxInFlight;
    }

    /** What has happened so far; safe to call from another thread while {@link #run} runs. */
    public SimulationCounts progress() {
        return tally.counts();
    }

    /**
     * Runs the whole plan and waits for every acknowledgement.
     *
     * @throws StatusRuntimeException when the server ends the stream (e.g. UNAUTHENTICATED, UNAVAILABLE)
     */
    public SimulationCounts run(SimulationPlan plan) throws InterruptedException {
        Semaphore window = new Semaphore(maxInFlight);
        CompletableFuture<Void> finished = new CompletableFuture<>();
        StreamObserver<PublishRequest> requests = ingest.publish(new StreamObserver<>() {
            @Override
            public void onNext(PublishResponse response) {
                tally.acknowledged(response);
                window.release();
            }

            @Override
            public void onError(Throwable failure) {
                finished.completeExceptionally(failure);
            }

            @Override
            public void onCompleted() {
                finished.complete(null);
            }
        });
        tally.start(plan.calls());
        try {
            send(plan, requests, window, finished);
            if (!finished.isDone()) {
                requests.onCompleted();
            }
            finished.get(LAST_ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException streamFailed) {
            throw streamFailed.getCause() instanceof StatusRuntimeException status ? status
                    : Status.UNKNOWN.withCause(streamFailed.getCause()).asRuntimeException();
        } catch (TimeoutException silent) {
            requests.onError(Status.CANCELLED.withDescription("no acknowledgement in time").asRuntimeException());
            throw new CommandFailure(ExitCodes.UNAVAILABLE, "The server did not acknowledge every event within "
                    + LAST_ACKNOWLEDGEMENT_TIMEOUT.toSeconds() + " s of the last one.");
        } catch (InterruptedException | RuntimeException stopped) {
            requests.onError(Status.CANCELLED.withDescription("simulation stopped").asRuntimeException());
            throw stopped;
        }
        return tally.finish();
    }

    private void send(SimulationPlan plan, StreamObserver<PublishRequest> requests, Semaphore window,
                      CompletableFuture<Void> finished) throws InterruptedException {
        long start = System.nanoTime();
        Iterator<SimulationPlan.Call> calls = plan.plannedCalls();
        while (calls.hasNext()) {
            SimulationPlan.Call call = calls.next();
            long due = start + (long) ((call.number() - 1) * 1e9 / plan.callsPerSecond());
            if (!waitUntil(due, finished)) {
                return;
            }
            tally.callStarted();
            for (PublishRequest.Builder event : call.events()) {
                if (!acquire(window, finished)) {
                    return;
                }
                requests.onNext(event.setOccurredAt(SimulationPlan.timestamp(Instant.now().truncatedTo(ChronoUnit.MILLIS))).build());
                tally.sent();
            }
        }
    }

    /** False when the stream ended meanwhile. */
    private static boolean waitUntil(long dueNanos, CompletableFuture<Void> finished) throws InterruptedException {
        long waitNanos;
        while ((waitNanos = dueNanos - System.nanoTime()) > 0) {
            if (finished.isDone()) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)));
        }
        return !finished.isDone();
    }

    private static boolean acquire(Semaphore window, CompletableFuture<Void> finished) throws InterruptedException {
        while (!window.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            if (finished.isDone()) {
                return false;
            }
        }
        return !finished.isDone();
    }
}
