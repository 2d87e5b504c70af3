package io.pbxhooks.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pbxhooks.admin.auth.ApiKeySecrets;
import io.pbxhooks.server.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

/** Errors as a person reads them, each with its own exit code. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliErrorsTest {

    private static final String[] INVALID_INTEGRATION = {"--name", "Legacy CRM", "--event", "inbound_call_answered",
            "--url", "ftp://crm.example.com/hooks", "--method", "get", "--format", "json", "--map", "menu=ivr_name"};

    private CliTestServer server;
    private String adminKey;

    @BeforeAll
    void startServer() {
        server = CliTestServer.start(TestDatabase.Kind.H2, Map.of("pbxhooks.limits.integrations-per-account", 1));
        adminKey = server.createAccountWithAdminKey("acme");
    }

    @AfterAll
    void stopServer() throws InterruptedException {
        server.close();
    }

    @Test
    void anInvalidIntegrationIsRejectedWithEachFieldOnItsOwnLine() {
        Cli.Run rejected = server.run(adminKey, concat(List.of("integrations", "create"), INVALID_INTEGRATION));

        assertEquals(ExitCodes.INVALID, rejected.exitCode(), rejected.transcript());
        List<String> lines = rejected.err().lines().toList();
        assertEquals("Invalid request (3 problems):", lines.get(0), rejected.transcript());
        Map<String, String> violations = lines.stream().skip(1)
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf(": ")), line -> line.substring(line.indexOf(": ") + 2)));
        assertEquals(3, violations.size(), rejected.transcript());
        assertTrue(violations.get("integration.webhook.request_url").contains("http"), rejected.transcript());
        assertTrue(violations.get("integration.webhook.format").contains("GET"), rejected.transcript());
        assertTrue(violations.get("integration.field_mappings[0].field").contains("extension_number"),
                "lists the fields the event has: " + rejected.transcript());
        assertEquals("", rejected.out());
        assertEquals("No integrations.", server.run(adminKey, "integrations", "list").out().strip(), "nothing was saved");
    }

    /** The server sends as many violations as fit in its trailers, then one without a field saying how many more there are. */
    @Test
    void theRemarkThatMoreViolationsAreNotShownIsNotAProblem() {
        List<String> create = new ArrayList<>(List.of("integrations", "create", "--name", "Many", "--event", "inbound_call_answered",
                "--url", "https://crm.example.com/hooks"));
        for (int mapping = 0; mapping < 30; mapping++) {
            create.addAll(List.of("--map", "key" + mapping + "=no_such_field_" + mapping));
        }
        Cli.Run rejected = server.run(adminKey, create.toArray(String[]::new));

        assertEquals(ExitCodes.INVALID, rejected.exitCode(), rejected.transcript());
        List<String> lines = rejected.err().lines().toList();
        List<String> problems = lines.subList(1, lines.size() - 1);
        assertTrue(problems.size() > 1 && problems.size() < 30, "some, not all, are shown: " + rejected.transcript());
        assertEquals("Invalid request (" + problems.size() + " problems):", lines.get(0), rejected.transcript());
        problems.forEach(line -> assertTrue(line.startsWith("integration.field_mappings["), rejected.transcript()));
        assertEquals((30 - problems.size()) + " more violations not shown: fix these and send the request again", lines.get(lines.size() - 1),
                "printed as it is, without a field or ': ' before it:\n" + rejected.transcript());
    }

    @Test
    void aUsedUpQuotaSaysWhichLimitIsReached() {
        server.run(CliTestServer.OPERATOR_KEY, "accounts", "create", "initech", "--name", "Initech");
        String initechKey = server.createKey("initech", "admin");
        String[] integration = {"integrations", "create", "--name", "Calls out", "--event", "outbound_call_placed",
                "--url", "https://crm.example.com/out", "--map", "who=name"};
        assertEquals(0, server.run(initechKey, integration).exitCode());

        Cli.Run second = server.run(initechKey, integration);
        assertEquals(ExitCodes.FAILED, second.exitCode(), second.transcript());
        assertEquals(List.of("Limit reached:", "account:initech: account \"initech\" already has 1 integrations, the most it may have"
                + " (pbxhooks.limits.integrations-per-account): delete one first"), second.err().lines().toList(), second.transcript());
    }

    @Test
    void validateListsTheSameProblemsWithoutSaving() {
        Cli.Run invalid = server.run(adminKey, concat(List.of("integrations", "validate"), INVALID_INTEGRATION));
        assertEquals(ExitCodes.INVALID, invalid.exitCode(), invalid.transcript());
        assertEquals("Invalid (3 problems):", invalid.out().lines().findFirst().orElseThrow(), invalid.transcript());
        assertTrue(invalid.out().lines().anyMatch(line -> line.startsWith("integration.webhook.format: ")), invalid.transcript());

        Cli.Run valid = server.run(adminKey, "integrations", "validate", "--event", "outbound_call_placed", "--name", "Calls out",
                "--url", "https://crm.example.com/out", "--map", "who=name");
        assertEquals(0, valid.exitCode(), valid.transcript());
        assertEquals("Valid.", valid.out().strip());
    }

    @Test
    void unknownThingsAreNotFound() {
        Cli.Run integration = server.run(adminKey, "integrations", "show", "9b0e4cb4-1d7e-4f3c-9a53-000000000000");
        assertEquals(ExitCodes.NOT_FOUND, integration.exitCode(), integration.transcript());
        assertTrue(integration.err().startsWith("Not found: "), integration.transcript());

        Cli.Run delivery = server.run(adminKey, "deliveries", "show", "no-such-delivery");
        assertEquals(ExitCodes.NOT_FOUND, delivery.exitCode(), delivery.transcript());

        Cli.Run otherAccount = server.run(adminKey, "accounts", "show", "globex");
        assertEquals(ExitCodes.NOT_FOUND, otherAccount.exitCode(), otherAccount.transcript());
    }

    @Test
    void aMissingOrWrongKeyOrRoleIsDenied() {
        Cli.Run unknownKey = server.run(ApiKeySecrets.generate(), "integrations", "list");
        assertEquals(ExitCodes.DENIED, unknownKey.exitCode(), unknownKey.transcript());
        assertTrue(unknownKey.err().startsWith("Not authenticated: "), unknownKey.transcript());

        Cli.Run adminCreatesAccount = server.run(adminKey, "accounts", "create", "hooli", "--name", "Hooli");
        assertEquals(ExitCodes.DENIED, adminCreatesAccount.exitCode(), adminCreatesAccount.transcript());
        assertTrue(adminCreatesAccount.err().startsWith("Permission denied: "), adminCreatesAccount.transcript());
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        Cli.Run noKey = Cli.run("integrations", "list", "--server", server.address());
        assertEquals(ExitCodes.USAGE, noKey.exitCode(), noKey.transcript());
        assertTrue(noKey.err().startsWith("No API key: pass --key or set PBXHOOKS_KEY."), noKey.transcript());

        Cli.Run unknownOption = Cli.run("integrations", "list", "--colour");
        assertEquals(ExitCodes.USAGE, unknownOption.exitCode(), unknownOption.transcript());
        assertTrue(unknownOption.err().contains("Unknown option: '--colour'"), unknownOption.transcript());
        assertTrue(unknownOption.err().contains("Run 'pbxhooks integrations list --help' for usage."), unknownOption.transcript());

        assertEquals(ExitCodes.USAGE, Cli.run("integrations").exitCode(), "a group needs a command");
        assertEquals(ExitCodes.USAGE, Cli.run("deliveries", "list", "--state", "lost").exitCode());

        for (String[] badEnum : new String[][] {{"--method", "unrecognized"}, {"--format", "format_unspecified"}, {"--auth", "kerberos"}}) {
            Cli.Run run = Cli.run("integrations", "create", "--account", "acme", badEnum[0], badEnum[1]);
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
            assertTrue(run.err().contains("'" + badEnum[1] + "' is not one of"), run.transcript());
        }
    }

    @Test
    void anUnreachableServerIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cli.Run unreachable = Cli.run("accounts", "list", "--server", "127.0.0.1:" + closedPort, "--key", ApiKeySecrets.generate());
        assertEquals(ExitCodes.UNAVAILABLE, unreachable.exitCode(), unreachable.transcript());
        assertTrue(unreachable.err().startsWith("Cannot reach the pbxhooks server"), unreachable.transcript());
    }

    @Test
    void everyCommandHasHelpWithTheExitCodes() {
        for (List<String> command : List.of(List.<String>of(), List.of("integrations", "create"), List.of("deliveries", "show"),
                List.of("simulate"), List.of("demo"), List.of("completion"))) {
            Cli.Run help = Cli.run(concat(command, "--help"));
            assertEquals(0, help.exitCode(), help.transcript());
            assertTrue(help.out().startsWith("Usage: pbxhooks"), help.transcript());
            assertTrue(help.out().contains("Exit codes:") && help.out().contains("5   rejected: invalid values"), help.transcript());
        }
        assertEveryCommandHasHelp(PbxhooksCommand.commandLine());
        Cli.Run completion = Cli.run("completion");
        assertEquals(0, completion.exitCode(), completion.transcript());
        assertTrue(completion.out().contains("complete -F") && completion.out().contains("integrations"), "a bash completion script");
    }

    private static void assertEveryCommandHasHelp(CommandLine command) {
        assertTrue(command.getCommandSpec().mixinStandardHelpOptions(), command.getCommandSpec().qualifiedName() + " has --help");
        command.getSubcommands().values().forEach(CliErrorsTest::assertEveryCommandHasHelp);
    }

    private static String[] concat(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
