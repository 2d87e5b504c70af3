package io.pbxhooks.server.plugin;

import io.pbxhooks.model.FieldValue;
import io.pbxhooks.spi.Plugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles the test plugin's source against the SPI at test time and packs it into a plugin jar. */
public final class TestPluginJars {

    private TestPluginJars() {
    }

    /**
     * @param spiVersion     the Java expression the plugin's {@code spiVersion()} returns
     * @param withEntryPoint whether the jar lists its plugin in META-INF/services
     */
    public static Path build(Path directory, String jarName, String serviceTypeId, String spiVersion, boolean withEntryPoint) {
        try {
            Path sources = Files.createTempDirectory("plugin-src");
            Path classes = Files.createTempDirectory("plugin-classes");
            Path source = sources.resolve("example/echo/EchoPlugin.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, template().replace("${SERVICE_TYPE}", serviceTypeId).replace("${SPI_VERSION}", spiVersion));
            compile(source, classes);
            Files.createDirectories(directory);
            Path jar = directory.resolve(jarName);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    add(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
                if (withEntryPoint) {
                    add(out, "META-INF/services/" + Plugin.class.getName(), "example.echo.EchoPlugin\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compile(Path source, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String classpath = String.join(java.io.File.pathSeparator, locationOf(Plugin.class), locationOf(FieldValue.class));
        int exit = compiler.run(null, null, null, "--release", "17", "-classpath", classpath, "-d", classes.toString(), source.toString());
        if (exit != 0) {
            throw new IllegalStateException("the test plugin does not compile against the SPI");
        }
    }

    private static void add(OutputStream jar, String name, byte[] content) throws IOException {
        JarOutputStream out = (JarOutputStream) jar;
        out.putNextEntry(new JarEntry(name));
        out.write(content);
        out.closeEntry();
    }

    private static String template() throws IOException {
        try (InputStream in = TestPluginJars.class.getResourceAsStream("/test-plugin/EchoPlugin.java.template")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
