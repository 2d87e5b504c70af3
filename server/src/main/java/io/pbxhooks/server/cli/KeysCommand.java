package io.pbxhooks.server.cli;

import io.pbxhooks.admin.v1.ApiKey;
import io.pbxhooks.admin.v1.CreateApiKeyRequest;
import io.pbxhooks.admin.v1.CreateApiKeyResponse;
import io.pbxhooks.admin.v1.ListApiKeysRequest;
import io.pbxhooks.admin.v1.ListApiKeysResponse;
import io.pbxhooks.admin.v1.RevokeApiKeyRequest;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "keys", mixinStandardHelpOptions = true, description = "API keys: operator (every account), admin (one account), producer (publishes one account's events, or every account's when an operator makes it with --all-accounts).")
final class KeysCommand {

    enum Role { OPERATOR, ADMIN, PRODUCER }

    @Spec
    CommandSpec spec;

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates an API key and prints its secret, this once: store it now.")
    int create(@Mixin ServerOptions server, @Mixin OutputOption output,
               @Option(names = "--role", required = true, paramLabel = "ROLE", description = "operator, admin or producer.") Role role,
               @Option(names = "--account", paramLabel = "ACCOUNT", defaultValue = "",
                       description = "The key's account (none for an operator key; an admin key's own account when left out).") String account,
               @Option(names = "--all-accounts", description = "A producer key of the PBX platform, publishing events of every account (operator only).")
               boolean allAccounts,
               @Option(names = "--description", paramLabel = "TEXT", defaultValue = "", description = "What the key is for.") String description) {
        try (PbxhooksClient client = server.connect()) {
            CreateApiKeyResponse created = client.accounts().createApiKey(CreateApiKeyRequest.newBuilder()
                    .setAccountId(account).setRole(ApiKey.Role.valueOf(role.name())).setAllAccounts(allAccounts).setDescription(description).build());
            if (output.json()) {
                OutputOption.printJson(created, out());
                return ExitCodes.OK;
            }
            details(created.getApiKey()).add("Secret", created.getSecret()).print(out());
            out().println();
            out().println("The secret is shown only this once. Use it as --key or PBXHOOKS_KEY.");
        }
        return ExitCodes.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists API keys (never their secrets), revoked ones included.")
    int list(@Mixin ServerOptions server, @Mixin OutputOption output,
             @Option(names = "--account", paramLabel = "ACCOUNT", defaultValue = "",
                     description = "Only this account's keys (an operator key lists every key without it).") String account) {
        try (PbxhooksClient client = server.connect()) {
            List<ApiKey> keys = Formats.allPages(token -> client.accounts().listApiKeys(ListApiKeysRequest.newBuilder()
                            .setAccountId(account).setPageSize(1000).setPageToken(token).build()),
                    ListApiKeysResponse::getApiKeysList, ListApiKeysResponse::getNextPageToken, Integer.MAX_VALUE);
            if (output.json()) {
                OutputOption.printJson(ListApiKeysResponse.newBuilder().addAllApiKeys(keys), out());
                return ExitCodes.OK;
            }
            Table table = new Table("ID", "ROLE", "ACCOUNT", "STATE", "CREATED", "DESCRIPTION");
            keys.forEach(key -> table.row(key.getId(), Formats.name(key.getRole()), key.getAccountId(),
                    key.getRevoked() ? "revoked" : "active", Formats.time(key.getCreateTime()), key.getDescription()));
            table.print(out(), "No keys.");
        }
        return ExitCodes.OK;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes an API key at once.")
    int revoke(@Mixin ServerOptions server, @Mixin OutputOption output, @Parameters(paramLabel = "KEY_ID") String id) {
        try (PbxhooksClient client = server.connect()) {
            ApiKey key = client.accounts().revokeApiKey(RevokeApiKeyRequest.newBuilder().setId(id).build()).getApiKey();
            if (output.json()) {
                OutputOption.printJson(key, out());
            } else {
                details(key).print(out());
            }
        }
        return ExitCodes.OK;
    }

    private static Details details(ApiKey key) {
        return new Details()
                .add("Key", key.getId())
                .add("Role", Formats.name(key.getRole()))
                .add("Account", key.getAccountId())
                .add("Description", key.getDescription())
                .add("Created", Formats.time(key.getCreateTime()))
                .add("Revoked", key.getRevoked() ? Formats.time(key.getRevokeTime()) : "");
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
