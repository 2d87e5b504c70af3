package io.pbxhooks.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code bin/pbxhooks} runs the CLI from the packaged jar, as a separate process. */
class CliLauncherTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void printsTheHelpFromThePackagedJar() throws Exception {
        assumeTrue(Files.isRegularFile(ROOT.resolve("server/target/pbxhooks-server.jar")),
                "the jar is built by 'mvn package', after the tests: run the tests again once it exists");
        Process process = new ProcessBuilder(ROOT.resolve("bin/pbxhooks").toString(), "--help").redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bin/pbxhooks --help finishes");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.startsWith("Usage: pbxhooks"), output);
        assertTrue(output.contains("demo") && output.contains("Exit codes:"), output);
    }
}
