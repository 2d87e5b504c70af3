package io.pbxhooks.server.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pbxhooks server in a process of its own, run from the runnable jar exactly as an operator runs it
 * ({@code java -jar pbxhooks-server.jar}), configured with system properties, its output in a log file. Its gRPC port
 * is chosen by the server (port 0) and read from its log, so nodes never collide on a port.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("gRPC listening on port (\\d+)");
    /** Micronaut's last startup line: the HTTP listener is up too and the startup work no longer competes for the CPU. */
    private static final String STARTED = "Startup completed in";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private final String nodeId;
    private final Process process;
    private final Path log;
    private final int grpcPort;
    private volatile boolean terminating;

    /** How a SIGTERM ended the process: the time from the signal to its exit, and its exit code. */
    record Termination(Duration took, int exitCode) {
    }

    private ServerProcess(String nodeId, Process process, Path log, int grpcPort) {
        this.nodeId = nodeId;
        this.process = process;
        this.log = log;
        this.grpcPort = grpcPort;
    }

    /**
     * Starts the server and waits until it has started: it listens for gRPC (after Flyway has migrated the schema) and
     * its startup is complete. Load sent to a node still starting made its first attempts outlast the tests' 5 s lease
     * on a busy machine, and another node took those deliveries over while they were being sent.
     */
    static ServerProcess start(String nodeId, Map<String, String> properties, Path logDirectory) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-Dpbxhooks.node-id=" + nodeId);
        command.addAll(List.of("-jar", serverJar().toString()));
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(nodeId + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .directory(logDirectory.toFile()).start();
            ChildProcesses.track(process);
            return new ServerProcess(nodeId, process, log, awaitListening(process, log));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + nodeId, e);
        }
    }

    /** The fat jar that {@code mvn package} builds; failsafe runs after it and names it in {@code pbxhooks.server.jar}. */
    static Path serverJar() {
        Path jar = Path.of(System.getProperty("pbxhooks.server.jar", "target/pbxhooks-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the reliability tests with mvn -B verify -Preliability");
        }
        return jar;
    }

    private static int awaitListening(Process process, Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String written = Files.readString(log);
            Matcher listening = LISTENING.matcher(written);
            if (listening.find() && written.contains(STARTED)) {
                return Integer.parseInt(listening.group(1));
            }
            if (!process.isAlive()) {
                ChildProcesses.ended(process);
                throw new IllegalStateException("the server exited with " + process.exitValue() + " before listening:\n" + tail(log));
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not start within " + START_TIMEOUT.toSeconds() + " s:\n" + tail(log));
    }

    String nodeId() {
        return nodeId;
    }

    int grpcPort() {
        return grpcPort;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Whether it was told to stop (it may still be draining); producers no longer choose it, as a load balancer would not. */
    boolean isTerminating() {
        return terminating;
    }

    /** SIGTERM ({@link Process#destroy()}), then waits for the process to exit; SIGKILL if it has not within {@code timeout}. */
    Termination terminate(Duration timeout) {
        terminating = true;
        long start = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        ChildProcesses.ended(process);
        return new Termination(Duration.ofNanos(System.nanoTime() - start), process.exitValue());
    }

    /** The first line of its log containing {@code text}, if any. */
    java.util.Optional<String> logLine(String text) {
        try {
            return Files.readAllLines(log).stream().filter(line -> line.contains(text)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kill -9}: the process ends at once, in the middle of whatever it was doing. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** The last lines of its log, for failure messages. */
    String logTail() {
        return tail(log);
    }

    /** A graceful stop (SIGTERM), then SIGKILL if it takes too long. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        awaitExit();
    }

    private void awaitExit() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ChildProcesses.ended(process);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
