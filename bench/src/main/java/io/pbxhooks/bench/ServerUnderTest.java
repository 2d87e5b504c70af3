package io.pbxhooks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server, {@code java -jar server/target/pbxhooks-server.jar}, as a child process configured with system
 * properties, its log in the run directory. Its gRPC port is chosen by the server and read from its log.
 */
final class ServerUnderTest implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("gRPC listening on port (\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final Pattern COMPILE_TICKS = Pattern.compile("java\\.ci\\.totalTime=(\\d+)");
    private static final Pattern TICK_FREQUENCY = Pattern.compile("sun\\.os\\.hrt\\.frequency=(\\d+)");

    private final Process process;
    private final Path log;
    private final int grpcPort;

    private ServerUnderTest(Process process, Path log, int grpcPort) {
        this.process = process;
        this.log = log;
        this.grpcPort = grpcPort;
    }

    /** @param jfrFile when present, a flight recording of the whole run is written there */
    static ServerUnderTest start(Path serverJar, String name, Map<String, String> properties, Path runDirectory,
                                 Optional<Path> jfrFile) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+ExitOnOutOfMemoryError"));
        jfrFile.ifPresent(file -> command.add("-XX:StartFlightRecording=filename=" + file + ",settings=profile,dumponexit=true"));
        properties.forEach((property, value) -> command.add("-D" + property + "=" + value));
        command.addAll(List.of("-jar", serverJar.toString()));
        Path log = runDirectory.resolve(name + ".log");
        Files.createDirectories(runDirectory);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).directory(runDirectory.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(Files.readString(log));
            if (listening.find()) {
                return new ServerUnderTest(process, log, Integer.parseInt(listening.group(1)));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + tail(log));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not listen within 120 s:\n" + tail(log));
    }

    int grpcPort() {
        return grpcPort;
    }

    long pid() {
        return process.pid();
    }

    double cpuSeconds() {
        return ProcessCpu.seconds(pid());
    }

    double residentMegabytes() {
        return ProcessCpu.residentMegabytes(pid());
    }

    /** Heap in use right after a full GC (jcmd GC.run, then GC.heap_info), in MiB. */
    double heapAfterGcMegabytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
    }

    /** Seconds the server's JIT compilers have spent compiling (HotSpot's java.ci.totalTime counter, read with jcmd). */
    double compileSeconds() throws IOException, InterruptedException {
        String counters = jcmd("PerfCounter.print");
        Matcher ticks = COMPILE_TICKS.matcher(counters);
        Matcher frequency = TICK_FREQUENCY.matcher(counters);
        if (!ticks.find() || !frequency.find()) {
            throw new IllegalStateException("jcmd PerfCounter.print shows no java.ci.totalTime:\n" + counters);
        }
        return Long.parseLong(ticks.group(1)) / (double) Long.parseLong(frequency.group(1));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    String logTail() {
        return tail(log);
    }

    /** SIGTERM (a graceful stop, which also writes the flight recording), then SIGKILL after 60 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
