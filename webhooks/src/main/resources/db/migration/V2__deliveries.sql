-- One row per accepted webhook delivery: the raw body as GitHub signed it, and where its job stands.
-- ${body_type}: BLOB on H2, BYTEA on PostgreSQL (the only difference between the two).
CREATE TABLE seekfix_deliveries (
    id               VARCHAR(100)  NOT NULL PRIMARY KEY,
    event            VARCHAR(100)  NOT NULL,
    action           VARCHAR(100),
    installation_id  BIGINT,
    repository       VARCHAR(300),
    received_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    body             ${body_type}  NOT NULL,
    body_bytes       INTEGER       NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    replays          INTEGER       NOT NULL DEFAULT 0,
    last_error       VARCHAR(4000),
    outcome          VARCHAR(4000),
    started_at       TIMESTAMP(6) WITH TIME ZONE,
    finished_at      TIMESTAMP(6) WITH TIME ZONE,
    next_attempt_at  TIMESTAMP(6) WITH TIME ZONE,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX seekfix_deliveries_status ON seekfix_deliveries (status);
CREATE INDEX seekfix_deliveries_received ON seekfix_deliveries (received_at);
