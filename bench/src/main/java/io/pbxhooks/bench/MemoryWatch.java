package io.pbxhooks.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's memory during a sustained run: every {@code interval}, heap in use right after a full GC (jcmd) and the
 * process's resident set (VmRSS). Growth is the last sample less the first.
 */
final class MemoryWatch implements AutoCloseable {

    record Sample(double secondsIn, double heapAfterGcMegabytes, double residentMegabytes) {
    }

    private final ServerUnderTest server;
    private final Duration interval;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;
    private final long start = System.nanoTime();
    private volatile boolean running = true;

    MemoryWatch(ServerUnderTest server, Duration interval) {
        this.server = server;
        this.interval = interval;
        this.sampler = new Thread(this::sample, "bench-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            try {
                double heap = server.heapAfterGcMegabytes();
                synchronized (samples) {
                    samples.add(new Sample((System.nanoTime() - start) / 1e9, heap, server.residentMegabytes()));
                }
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException stopped) {
                return;
            } catch (Exception failed) {
                System.out.println("  memory sample failed: " + failed);
            }
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join(60_000);
    }
}
