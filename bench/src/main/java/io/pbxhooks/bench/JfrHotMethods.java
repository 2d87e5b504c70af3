package io.pbxhooks.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The hot spots of a flight recording: {@code jfr print --events jdk.ExecutionSample}, counted by the method on top of
 * each sampled stack, by the topmost pbxhooks method on it, and by thread.
 */
final class JfrHotMethods {

    private JfrHotMethods() {
    }

    static void print(Path recording, Report report, int top) throws IOException, InterruptedException {
        Process jfr = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jfr").toString(), "print", "--events",
                "jdk.ExecutionSample", "--stack-depth", "64", recording.toString()).redirectErrorStream(true).start();
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> pbxhooksFrames = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jfr.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean inStack = false;
            boolean first = false;
            boolean ownFound = false;
            while ((line = lines.readLine()) != null) {
                String trimmed = line.trim();
                if (trimmed.startsWith("sampledThread = ")) {
                    String thread = trimmed.substring("sampledThread = ".length()).replaceAll(" \\(javaThreadId = \\d+\\)", "")
                            .replaceAll("-\\d+\"$", "-N\"").replaceAll("\\d+\"$", "N\"");
                    threads.merge(thread, 1, Integer::sum);
                } else if (trimmed.equals("stackTrace = [")) {
                    inStack = true;
                    first = true;
                    ownFound = false;
                    samples++;
                } else if (inStack && trimmed.equals("]")) {
                    inStack = false;
                } else if (inStack && !trimmed.equals("...")) {
                    String method = trimmed.replaceAll("\\s+line:.*$", "");
                    if (first) {
                        topFrames.merge(method, 1, Integer::sum);
                        first = false;
                    }
                    // The first pbxhooks frame that is not the SQL helper: who runs the query.
                    if (!ownFound && method.startsWith("io.pbxhooks.") && !method.startsWith("io.pbxhooks.server.persistence.Sql.")) {
                        pbxhooksFrames.merge(method, 1, Integer::sum);
                        ownFound = true;
                    }
                }
            }
        }
        jfr.waitFor(5, TimeUnit.MINUTES);
        report.line("  JFR %s: %d execution samples", recording.getFileName(), samples);
        printTop(report, "on top of the stack", topFrames, samples, top);
        printTop(report, "topmost pbxhooks method (io.pbxhooks.server.persistence.Sql skipped)", pbxhooksFrames, samples, top);
        printTop(report, "by thread", threads, samples, top);
    }

    private static void printTop(Report report, String title, Map<String, Integer> counts, int samples, int top) {
        report.line("  - %s:", title);
        List<Map.Entry<String, Integer>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top).toList();
        for (Map.Entry<String, Integer> entry : sorted) {
            report.line("      %5.1f%%  %s", 100.0 * entry.getValue() / Math.max(1, samples), entry.getKey());
        }
    }
}
