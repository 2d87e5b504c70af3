package io.pbxhooks.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ceiling (b): the receiver's own capacity, measured by wrk posting the benchmark's webhook body to it. */
final class WrkCeiling {

    record Result(double requestsPerSecond, String summary) {
    }

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    private WrkCeiling() {
    }

    /** Empty, with the reason printed, when wrk is not installed and cannot be. */
    static Optional<Result> run(Receiver receiver, int connections, Duration duration, byte[] body) throws IOException, InterruptedException {
        if (!installed()) {
            System.out.println("  wrk is not installed and `apt-get install -y wrk` failed: receiver ceiling (b) skipped");
            return Optional.empty();
        }
        Path script = Files.createTempFile("bench-wrk", ".lua");
        Files.writeString(script, "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = [["
                + new String(body, StandardCharsets.UTF_8) + "]]\n");
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s", "-s", script.toString(),
                receiver.url("/wrk")).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS);
        Files.deleteIfExists(script);
        Matcher rate = REQUESTS_PER_SECOND.matcher(output);
        if (!rate.find()) {
            System.out.println("  wrk gave no figure:\n" + output);
            return Optional.empty();
        }
        return Optional.of(new Result(Double.parseDouble(rate.group(1)), output.lines().filter(line -> line.contains("Latency")).findFirst()
                .orElse("").trim()));
    }

    private static boolean installed() throws IOException, InterruptedException {
        if (onPath()) {
            return true;
        }
        Process install = new ProcessBuilder(List.of("apt-get", "install", "-y", "wrk")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        install.waitFor(5, TimeUnit.MINUTES);
        return onPath();
    }

    private static boolean onPath() {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(directory, "wrk"))) {
                return true;
            }
        }
        return false;
    }
}
