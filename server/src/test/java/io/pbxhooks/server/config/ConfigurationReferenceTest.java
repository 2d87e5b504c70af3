package io.pbxhooks.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * CONFIGURATION.md against the code: the settings the server reads — its {@code @ConfigurationProperties} classes,
 * every {@code ${pbxhooks.…}} placeholder in code and configuration, and the defaults in application.yml — are
 * exactly the documented ones, each under the environment variable that sets it.
 */
class ConfigurationReferenceTest {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(PBXHOOKS_[A-Z0-9_]+)` \\| `(pbxhooks\\.[a-z0-9.-]+)` \\|", Pattern.MULTILINE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(pbxhooks\\.[a-z0-9.-]+)");
    private static final Pattern CONFIGURATION_CLASS = Pattern.compile("^package ([\\w.]+);.*?^(?:public )?(?:final )?class (\\w+)",
            Pattern.MULTILINE | Pattern.DOTALL);

    @Test
    void everySettingTheServerReadsIsDocumentedUnderItsEnvironmentVariable() throws Exception {
        Map<String, String> documented = documented();
        Set<String> read = new TreeSet<>();
        read.addAll(placeholders());
        read.addAll(applicationDefaults());
        read.addAll(configurationProperties());

        Set<String> undocumented = new TreeSet<>(read);
        undocumented.removeAll(documented.keySet());
        Set<String> unknown = new TreeSet<>(documented.keySet());
        unknown.removeAll(read);
        assertTrue(undocumented.isEmpty() && unknown.isEmpty(),
                "read by the server but missing from CONFIGURATION.md: " + undocumented + "; documented but never read: " + unknown);
        documented.forEach((property, variable) -> assertEquals(environmentVariable(property), variable, "the variable of " + property));
    }

    private static Map<String, String> documented() throws IOException {
        Map<String, String> rows = new TreeMap<>();
        Matcher row = DOCUMENTED.matcher(Files.readString(MODULE.resolveSibling("CONFIGURATION.md")));
        while (row.find()) {
            assertTrue(rows.put(row.group(2), row.group(1)) == null, "documented twice: " + row.group(2));
        }
        return rows;
    }

    private static Set<String> placeholders() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MODULE.resolve("src/main"))) {
            for (Path file : files.filter(Files::isRegularFile).filter(path -> path.toString().matches(".*\\.(java|yml|xml)$")).toList()) {
                Matcher placeholder = PLACEHOLDER.matcher(Files.readString(file));
                while (placeholder.find()) {
                    found.add(placeholder.group(1));
                }
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> applicationDefaults() throws IOException {
        try (InputStream yaml = Files.newInputStream(MODULE.resolve("src/main/resources/application.yml"))) {
            Map<String, Object> root = new Yaml().load(yaml);
            Set<String> keys = new TreeSet<>();
            flatten("pbxhooks", (Map<String, Object>) root.get("pbxhooks"), keys);
            return keys;
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Set<String> keys) {
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flatten(prefix + "." + key, (Map<String, Object>) nested, keys);
            } else {
                keys.add(prefix + "." + key);
            }
        });
    }

    /** The settings of every {@code @ConfigurationProperties} class in the server's sources, nested ones included. */
    private static Set<String> configurationProperties() throws Exception {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MODULE.resolve("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declaration = CONFIGURATION_CLASS.matcher(source);
                if (source.contains("@ConfigurationProperties(") && declaration.find()) {
                    collect(Class.forName(declaration.group(1) + "." + declaration.group(2)), "", found);
                }
            }
        }
        return found;
    }

    private static void collect(Class<?> type, String outerPrefix, Set<String> found) {
        ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
        String prefix = (outerPrefix.isEmpty() ? "" : outerPrefix + ".") + annotation.value();
        for (Method setter : type.getMethods()) {
            if (!setter.getName().startsWith("set") || setter.getParameterCount() != 1) {
                continue;
            }
            Class<?> parameter = setter.getParameterTypes()[0];
            if (parameter.isAnnotationPresent(ConfigurationProperties.class)) {
                collect(parameter, prefix, found);
            } else {
                found.add(prefix + "." + kebabCase(setter.getName().substring(3)));
            }
        }
    }

    private static String kebabCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String environmentVariable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
