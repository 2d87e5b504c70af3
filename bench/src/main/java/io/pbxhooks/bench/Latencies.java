package io.pbxhooks.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A latency distribution in microseconds, up to a minute, 3 significant digits; safe to record from many threads. */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, Math.min(nanos / 1000, histogram.getHighestTrackableValue())));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return histogram.getMaxValue() / 1000.0;
    }

    /** "p50 1.2 ms, p99 8.0 ms, max 31.0 ms (n=…)" */
    String summary() {
        if (count() == 0) {
            return "no samples";
        }
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", percentileMillis(50), percentileMillis(99), maxMillis(), count());
    }
}
