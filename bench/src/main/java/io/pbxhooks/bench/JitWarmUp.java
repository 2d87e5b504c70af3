package io.pbxhooks.bench;

import java.time.Duration;

/**
 * Load before a measurement until the JIT compiler has done its work: a freshly started server spends about a core
 * compiling for its first minute on this machine, which a measurement taken then would charge to pbxhooks. The load
 * runs in rounds until one round spends less than {@value #SETTLED_SHARE} of its time compiling, or for at most the
 * given time.
 */
final class JitWarmUp {

    /** The share of a round's time spent compiling below which the JIT counts as settled. */
    static final double SETTLED_SHARE = 0.05;

    /** Seconds the measured JVM has spent compiling so far. */
    interface CompileClock {
        double seconds() throws Exception;
    }

    interface Round {
        void run() throws Exception;
    }

    /** How long the warm-up took and what the JIT compiled during it. */
    record Result(Duration took, double compileSeconds, boolean settled) {
        String summary() {
            return String.format("warm-up %d s, JIT %.1f s of compiling during it, %s", took.toSeconds(), compileSeconds,
                    settled ? String.format("settled (under %.0f%% of the last round)", 100 * SETTLED_SHARE) : "not settled when the warm-up time ran out");
        }
    }

    private JitWarmUp() {
    }

    /** Seconds this JVM (the bench: producer, receiver, ceilings) has spent compiling. */
    static double benchSeconds() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1000.0;
    }

    static Result run(CompileClock clock, Duration atMost, Round round) throws Exception {
        long start = System.nanoTime();
        double compiledAtStart = clock.seconds();
        boolean settled = false;
        while (!settled && System.nanoTime() - start < atMost.toNanos()) {
            long roundStart = System.nanoTime();
            double compiled = clock.seconds();
            round.run();
            settled = clock.seconds() - compiled < SETTLED_SHARE * (System.nanoTime() - roundStart) / 1e9;
        }
        return new Result(Duration.ofNanos(System.nanoTime() - start), clock.seconds() - compiledAtStart, settled);
    }
}
