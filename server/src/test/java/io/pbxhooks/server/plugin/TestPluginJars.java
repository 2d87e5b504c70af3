package io.pbxhooks.server.plugin;

import io.pbxhooks.model.FieldValue;
import io.pbxhooks.spi.Plugin;
import io.pbxhooks.spi.SpiVersion;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles the test plugin's source ({@code test-plugin/EchoPlugin.java.template}) against the SPI at test time and
 * packs it into a plugin jar. By default the plugin has id {@code echo-plugin}, version {@value #VERSION}, service type
 * {@code echo} and transport type {@code echo-relay}; each can be changed to provoke a startup failure.
 */
public final class TestPluginJars {

    public static final String VERSION = "2.7.1-test";
    private static final String NEWER_SPI_CLASS = "io.pbxhooks.spi.NewerSpiFeature";

    private String pluginId = "echo-plugin";
    private String serviceType = "echo";
    private String transportType = "echo-relay";
    private String spiVersion = "SpiVersion.CURRENT";
    private boolean withEntryPoint = true;
    private boolean needsANewerSpi;

    private TestPluginJars() {
    }

    public static TestPluginJars echo() {
        return new TestPluginJars();
    }

    public TestPluginJars pluginId(String pluginId) {
        this.pluginId = pluginId;
        return this;
    }

    public TestPluginJars serviceType(String serviceType) {
        this.serviceType = serviceType;
        return this;
    }

    public TestPluginJars transportType(String transportType) {
        this.transportType = transportType;
        return this;
    }

    /** The SPI version the plugin's {@code spiVersion()} returns. */
    public TestPluginJars spiVersion(int spiVersion) {
        this.spiVersion = spiVersion == SpiVersion.CURRENT ? "SpiVersion.CURRENT" : String.valueOf(spiVersion);
        return this;
    }

    /** Leaves {@code META-INF/services/io.pbxhooks.spi.Plugin} out of the jar. */
    public TestPluginJars withoutEntryPoint() {
        this.withEntryPoint = false;
        return this;
    }

    /** Compiles the plugin against an SPI interface this server lacks (which the jar, like any plugin jar, leaves out). */
    public TestPluginJars needingANewerSpi() {
        this.needsANewerSpi = true;
        return this;
    }

    public Path buildInto(Path directory, String jarName) {
        try {
            Path sources = Files.createTempDirectory("plugin-src");
            Path classes = Files.createTempDirectory("plugin-classes");
            List<Path> compiled = new ArrayList<>();
            compiled.add(write(sources, "example.echo.EchoPlugin", template("EchoPlugin")
                    .replace("${PLUGIN_ID}", pluginId)
                    .replace("${SERVICE_TYPE}", serviceType)
                    .replace("${TRANSPORT_TYPE}", transportType)
                    .replace("${SPI_VERSION}", spiVersion)
                    .replace("${EXTRA_INTERFACES}", needsANewerSpi ? ", " + NEWER_SPI_CLASS : "")));
            if (needsANewerSpi) {
                compiled.add(write(sources, NEWER_SPI_CLASS, template("NewerSpiFeature")));
            }
            compile(compiled, classes);
            Files.createDirectories(directory);
            Path jar = directory.resolve(jarName);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest()); Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = classes.relativize(file).toString().replace('\\', '/');
                    if (!name.startsWith("io/pbxhooks/spi/")) {
                        add(out, name, Files.readAllBytes(file));
                    }
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

    /** Implementation-Version, which {@link Plugin#version()} reports by default. */
    private static Manifest manifest() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, VERSION);
        return manifest;
    }

    private static Path write(Path sources, String className, String source) throws IOException {
        Path file = sources.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return file;
    }

    private static void compile(List<Path> sources, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String classpath = String.join(File.pathSeparator, locationOf(Plugin.class), locationOf(FieldValue.class));
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-classpath", classpath, "-d", classes.toString()));
        sources.forEach(source -> arguments.add(source.toString()));
        int exit = compiler.run(null, null, null, arguments.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("the test plugin does not compile against the SPI");
        }
    }

    private static void add(JarOutputStream jar, String name, byte[] content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(content);
        jar.closeEntry();
    }

    private static String template(String name) throws IOException {
        try (InputStream in = TestPluginJars.class.getResourceAsStream("/test-plugin/" + name + ".java.template")) {
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
