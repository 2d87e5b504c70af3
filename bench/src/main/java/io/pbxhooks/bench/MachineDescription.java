package io.pbxhooks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The machine the figures come from: cores, memory, CPU model, JDK and MariaDB version. */
final class MachineDescription {

    private MachineDescription() {
    }

    static void print(Report report) throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").findFirst().orElse("unknown");
        report.line("Machine: %d cores (%s), %s memory; JDK %s (%s); MariaDB %s", Runtime.getRuntime().availableProcessors(), model, memory,
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"), mariadbVersion());
    }

    private static String mariadbVersion() {
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/", "root", "");
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT VERSION()")) {
            return row.next() ? row.getString(1) : "unknown";
        } catch (SQLException e) {
            return "not reachable (" + e.getMessage() + ")";
        }
    }
}
