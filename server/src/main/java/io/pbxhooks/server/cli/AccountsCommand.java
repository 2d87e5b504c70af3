package io.pbxhooks.server.cli;

import io.pbxhooks.admin.v1.Account;
import io.pbxhooks.admin.v1.CreateAccountRequest;
import io.pbxhooks.admin.v1.GetAccountRequest;
import io.pbxhooks.admin.v1.ListAccountsRequest;
import io.pbxhooks.admin.v1.ListAccountsResponse;
import io.pbxhooks.admin.v1.SetApplicationEnabledRequest;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "accounts", mixinStandardHelpOptions = true, description = "Accounts (one per customer) and their applications.")
final class AccountsCommand {

    static final String SERVICE_INTEGRATIONS = "service-integrations";

    @Spec
    CommandSpec spec;

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates an account (operator key). New accounts have every application off.")
    int create(@Mixin ServerOptions server,
               @Parameters(paramLabel = "ID", description = "The account id the PBX puts on its events: letters, digits, '.', '_' or '-'.") String id,
               @Option(names = "--name", required = true, paramLabel = "NAME", description = "The display name, e.g. \"Acme Pty Ltd\".") String name) {
        try (PbxhooksClient client = server.connect()) {
            Account account = client.accounts().createAccount(CreateAccountRequest.newBuilder()
                    .setAccount(Account.newBuilder().setId(id).setDisplayName(name)).build()).getAccount();
            out().println("Created account " + account.getId() + " (" + account.getDisplayName() + ").");
            out().println("Its integrations fire once the application is on: pbxhooks accounts enable-app " + account.getId());
        }
        return ExitCodes.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every account (operator key).")
    int list(@Mixin ServerOptions server, @Mixin OutputOption output) {
        try (PbxhooksClient client = server.connect()) {
            List<Account> accounts = Formats.allPages(
                    token -> client.accounts().listAccounts(ListAccountsRequest.newBuilder().setPageSize(1000).setPageToken(token).build()),
                    ListAccountsResponse::getAccountsList, ListAccountsResponse::getNextPageToken, Integer.MAX_VALUE);
            if (output.json()) {
                OutputOption.printJson(ListAccountsResponse.newBuilder().addAllAccounts(accounts), out());
                return ExitCodes.OK;
            }
            Table table = new Table("ID", "NAME", "APPLICATIONS", "CREATED");
            accounts.forEach(account -> table.row(account.getId(), account.getDisplayName(),
                    String.join(",", account.getApplicationsList()), Formats.time(account.getCreateTime())));
            table.print(out(), "No accounts.");
        }
        return ExitCodes.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one account; an admin key's own account when ID is left out.")
    int show(@Mixin ServerOptions server, @Mixin OutputOption output,
             @Parameters(paramLabel = "ID", arity = "0..1", defaultValue = "") String id) {
        try (PbxhooksClient client = server.connect()) {
            print(client.accounts().getAccount(GetAccountRequest.newBuilder().setId(id).build()).getAccount(), output);
        }
        return ExitCodes.OK;
    }

    @Command(name = "enable-app", mixinStandardHelpOptions = true, description = "Switches an application on (\"Manage Applications\"): integrations fire only while it is on.")
    int enableApplication(@Mixin ServerOptions server, @Mixin OutputOption output,
                          @Parameters(paramLabel = "ACCOUNT", arity = "0..1", defaultValue = "", description = "Default: an admin key's own account.") String account,
                          @Option(names = "--application", paramLabel = "ID", defaultValue = SERVICE_INTEGRATIONS,
                                  description = "Default: ${DEFAULT-VALUE}.") String application) {
        return setApplication(server, output, account, application, true);
    }

    @Command(name = "disable-app", mixinStandardHelpOptions = true, description = "Switches an application off: integrations stay configured but none fires.")
    int disableApplication(@Mixin ServerOptions server, @Mixin OutputOption output,
                           @Parameters(paramLabel = "ACCOUNT", arity = "0..1", defaultValue = "", description = "Default: an admin key's own account.") String account,
                           @Option(names = "--application", paramLabel = "ID", defaultValue = SERVICE_INTEGRATIONS,
                                   description = "Default: ${DEFAULT-VALUE}.") String application) {
        return setApplication(server, output, account, application, false);
    }

    private int setApplication(ServerOptions server, OutputOption output, String account, String application, boolean enabled) {
        try (PbxhooksClient client = server.connect()) {
            print(client.accounts().setApplicationEnabled(SetApplicationEnabledRequest.newBuilder()
                    .setAccountId(account).setApplication(application).setEnabled(enabled).build()).getAccount(), output);
        }
        return ExitCodes.OK;
    }

    private void print(Account account, OutputOption output) {
        if (output.json()) {
            OutputOption.printJson(account, out());
            return;
        }
        new Details()
                .add("Account", account.getId())
                .add("Name", account.getDisplayName())
                .add("Applications", account.getApplicationsCount() == 0 ? "(none)" : String.join(", ", account.getApplicationsList()))
                .add("Created", Formats.time(account.getCreateTime()))
                .print(out());
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
