-- The outbox: every accepted event and one delivery per matching integration, written in the transaction
-- that accepts the event; each delivery attempt is a row. Written once for MySQL/MariaDB and H2.

-- Every accepted event, firing or not, so that a repeated event id is recognised and never stored twice.
-- fields is JSON: [{"id": ..., "type": "STRING"|"BOOLEAN", "value": ...}, ...] in catalogue order.
CREATE TABLE events (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id   VARCHAR(64)  NOT NULL,
    event_id     VARCHAR(128) NOT NULL,
    service_type VARCHAR(64)  NOT NULL,
    event_type   VARCHAR(64)  NULL,
    ordering_key VARCHAR(200) NULL,
    occurred_at  DATETIME(3)  NOT NULL,
    received_at  DATETIME(3)  NOT NULL,
    fields       TEXT         NOT NULL,
    CONSTRAINT uq_events_account_event UNIQUE (account_id, event_id)
);

-- state: PENDING -> IN_FLIGHT -> SUCCEEDED | RETRY_SCHEDULED (-> IN_FLIGHT ...) | FAILED.
-- An IN_FLIGHT delivery whose lease has ended (its node died) is claimed again by any node.
-- For one integration, deliveries with the same ordering_key are attempted in event (event_row_id) order.
CREATE TABLE deliveries (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    event_row_id     BIGINT       NOT NULL,
    account_id       VARCHAR(64)  NOT NULL,
    integration_id   VARCHAR(36)  NOT NULL,
    event_id         VARCHAR(128) NOT NULL,
    service_type     VARCHAR(64)  NOT NULL,
    event_type       VARCHAR(64)  NOT NULL,
    ordering_key     VARCHAR(200) NULL,
    state            VARCHAR(16)  NOT NULL,
    attempt_count    INT          NOT NULL,
    next_attempt_at  DATETIME(3)  NULL,
    lease_owner      VARCHAR(64)  NULL,
    lease_until      DATETIME(3)  NULL,
    last_status_code INT          NOT NULL,
    last_error       VARCHAR(500) NULL,
    test             TINYINT(1)   NOT NULL,
    create_time      DATETIME(3)  NOT NULL,
    update_time      DATETIME(3)  NOT NULL,
    CONSTRAINT fk_deliveries_event FOREIGN KEY (event_row_id) REFERENCES events (id),
    CONSTRAINT ck_deliveries_state CHECK (state IN ('PENDING', 'IN_FLIGHT', 'RETRY_SCHEDULED', 'SUCCEEDED', 'FAILED'))
);

CREATE INDEX ix_deliveries_due ON deliveries (state, next_attempt_at);
CREATE INDEX ix_deliveries_lease ON deliveries (state, lease_until);
CREATE INDEX ix_deliveries_order ON deliveries (integration_id, ordering_key, event_row_id);
CREATE INDEX ix_deliveries_account ON deliveries (account_id, create_time);

-- request is the request as sent with secrets redacted; response_headers is JSON {"name": ["value", ...]}.
CREATE TABLE delivery_attempts (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    delivery_id      VARCHAR(36)   NOT NULL,
    number           INT           NOT NULL,
    start_time       DATETIME(3)   NOT NULL,
    duration_ms      BIGINT        NOT NULL,
    outcome          VARCHAR(16)   NOT NULL,
    status_code      INT           NOT NULL,
    detail           VARCHAR(1000) NOT NULL,
    request          TEXT          NOT NULL,
    response_headers TEXT          NOT NULL,
    response_excerpt TEXT          NOT NULL,
    CONSTRAINT uq_delivery_attempts_number UNIQUE (delivery_id, number),
    CONSTRAINT fk_delivery_attempts_delivery FOREIGN KEY (delivery_id) REFERENCES deliveries (id)
);

-- A feed of the accounts whose matching data (application switch, integrations) changed, so that every
-- node refreshes its in-memory matching index within about a second of a change made on another node.
CREATE TABLE index_changes (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id  VARCHAR(64) NOT NULL,
    change_time DATETIME(3) NOT NULL
);
