package io.pbxhooks.bench;

import java.time.Duration;
import java.util.List;

/** How long and how hard to run, from the command line; {@code --quick} shortens every step. */
record BenchOptions(List<Database.Kind> databases, boolean quick, Duration stepDuration, Duration ceilingDuration,
                    Duration ingestDuration, Duration memoryDuration, double firstRate, double rateFactor, int maxSteps,
                    int streams, int scaleAccounts, int integrationsPerAccount, boolean jfr) {
}
