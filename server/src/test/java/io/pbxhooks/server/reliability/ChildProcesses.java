package io.pbxhooks.server.reliability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The processes a test started and has not ended yet: killed if the test JVM exits without ending them. */
final class ChildProcesses {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private ChildProcesses() {
    }

    static Process track(Process process) {
        RUNNING.add(process);
        return process;
    }

    static void ended(Process process) {
        RUNNING.remove(process);
    }
}
