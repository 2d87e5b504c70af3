package io.pbxhooks.server.health;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.pbxhooks.server.grpc.GrpcServer;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node can serve: it checks the database every {@code pbxhooks.health.check-interval} (default 1 s),
 * with a bounded wait, and reports the result to the gRPC health service and to HTTP {@code /health/readiness}.
 * The node is ready once migrations ran and plugins loaded (this bean starts after both) and the database
 * answers; it is ready again on its own when the database comes back.
 */
@Context
public class DatabaseReadiness {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReadiness.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final TransactionOperations<Connection> transactions;
    private final GrpcServer grpcServer;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(daemon("pbxhooks-readiness"));
    private final ExecutorService checks = Executors.newCachedThreadPool(daemon("pbxhooks-readiness-check"));
    private volatile boolean ready;
    private volatile String problem = "not checked yet";

    DatabaseReadiness(TransactionOperations<Connection> transactions, GrpcServer grpcServer,
                      @Value("${pbxhooks.health.check-interval:1s}") Duration interval) {
        this.transactions = transactions;
        this.grpcServer = grpcServer;
        check();
        schedule.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isReady() {
        return ready;
    }

    /** Why the node is not ready; empty when it is. */
    public String problem() {
        return ready ? "" : problem;
    }

    private void check() {
        Future<Boolean> answer = checks.submit(() -> transactions.executeRead(status -> status.getConnection().isValid((int) CHECK_TIMEOUT.toSeconds())));
        boolean nowReady;
        String why;
        try {
            nowReady = answer.get(CHECK_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            why = nowReady ? "" : "the database connection is not valid";
        } catch (java.util.concurrent.TimeoutException slow) {
            answer.cancel(true);
            nowReady = false;
            why = "the database did not answer within " + CHECK_TIMEOUT.toSeconds() + " s";
        } catch (java.util.concurrent.ExecutionException failed) {
            nowReady = false;
            why = "the database is unreachable: " + failed.getCause().getMessage();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return;
        }
        if (nowReady != ready) {
            if (nowReady) {
                LOG.info("Ready: the database answers");
            } else {
                LOG.warn("Not ready: {}", why);
            }
        }
        problem = why;
        ready = nowReady;
        grpcServer.setServing(nowReady);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        schedule.shutdownNow();
        checks.shutdownNow();
    }
}
