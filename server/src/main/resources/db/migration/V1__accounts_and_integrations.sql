-- Accounts, their applications, API keys, integrations and the audit trail.
-- Written once for both MySQL/MariaDB and H2 in MySQL mode.

CREATE TABLE accounts (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name VARCHAR(200) NOT NULL,
    create_time  DATETIME(3)  NOT NULL
);

-- A row means the application (e.g. 'service-integrations') is switched on for the account.
CREATE TABLE account_applications (
    account_id  VARCHAR(64) NOT NULL,
    application VARCHAR(64) NOT NULL,
    enable_time DATETIME(3) NOT NULL,
    PRIMARY KEY (account_id, application),
    CONSTRAINT fk_account_applications_account FOREIGN KEY (account_id) REFERENCES accounts (id)
);

-- Only a SHA-256 hash of each key's secret is kept. account_id is NULL for operator keys.
CREATE TABLE api_keys (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_id  VARCHAR(64)  NULL,
    role        VARCHAR(16)  NOT NULL,
    description VARCHAR(200) NOT NULL,
    secret_hash CHAR(64)     NOT NULL,
    create_time DATETIME(3)  NOT NULL,
    revoke_time DATETIME(3)  NULL,
    CONSTRAINT uq_api_keys_secret_hash UNIQUE (secret_hash),
    CONSTRAINT fk_api_keys_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT ck_api_keys_role CHECK (role IN ('OPERATOR', 'ADMIN', 'PRODUCER'))
);

CREATE INDEX ix_api_keys_account ON api_keys (account_id, create_time);

-- transport_config is JSON: {"values": {...}, "secrets": {...}, "lists": {...}}; the SECRET settings are
-- kept apart under "secrets", each encrypted with AES-GCM.
-- field_mappings is JSON: [{"request_key": ..., "field": ...}, ...] in payload order.
CREATE TABLE integrations (
    id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_id           VARCHAR(64)  NOT NULL,
    name                 VARCHAR(100) NOT NULL,
    transport_type       VARCHAR(64)  NOT NULL,
    trigger_service_type VARCHAR(64)  NOT NULL,
    trigger_event        VARCHAR(64)  NOT NULL,
    enabled              TINYINT(1)   NOT NULL,
    disabled_reason      VARCHAR(500) NULL,
    transport_config     TEXT         NOT NULL,
    field_mappings       TEXT         NOT NULL,
    version              BIGINT       NOT NULL,
    create_time          DATETIME(3)  NOT NULL,
    update_time          DATETIME(3)  NOT NULL,
    CONSTRAINT fk_integrations_account FOREIGN KEY (account_id) REFERENCES accounts (id)
);

CREATE INDEX ix_integrations_account ON integrations (account_id, id);
CREATE INDEX ix_integrations_trigger ON integrations (account_id, trigger_service_type, trigger_event, enabled);

-- Who changed what, when. Summaries never contain secrets. account_id is NULL for changes outside any account.
CREATE TABLE audit_entries (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id    VARCHAR(64)   NULL,
    actor_key_id  VARCHAR(64)   NOT NULL,
    action        VARCHAR(64)   NOT NULL,
    resource_type VARCHAR(32)   NOT NULL,
    resource_id   VARCHAR(64)   NOT NULL,
    summary       VARCHAR(1000) NOT NULL,
    create_time   DATETIME(3)   NOT NULL
);

CREATE INDEX ix_audit_entries_account ON audit_entries (account_id, id);
