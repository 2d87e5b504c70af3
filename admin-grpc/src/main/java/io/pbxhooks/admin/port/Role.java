package io.pbxhooks.admin.port;

/** What an API key may do. */
public enum Role {
    /** All accounts: creates accounts and keys. Belongs to no account. */
    OPERATOR,
    /** One account: its integrations, its admin and producer keys, its applications. */
    ADMIN,
    /** Event ingest only: no access to the admin API. */
    PRODUCER
}
