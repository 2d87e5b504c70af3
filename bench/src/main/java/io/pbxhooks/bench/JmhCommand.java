package io.pbxhooks.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code bench/run jmh [JMH options]}: the microbenchmarks of the hot paths, through JMH's own command line. */
@Command(name = "jmh", description = "Runs the JMH microbenchmarks (payload rendering, signing, matching); arguments go to JMH.")
final class JmhCommand implements Callable<Integer> {

    /** Everything after "jmh" is JMH's, e.g. -f 1 -wi 3 -i 5 or a benchmark name pattern. */
    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(jmhArguments.toArray(String[]::new));
        return 0;
    }
}
