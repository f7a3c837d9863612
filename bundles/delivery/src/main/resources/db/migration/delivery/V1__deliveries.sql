-- The delivery module's own tables (Flyway history: delivery_schema_history). Instants are stored as
-- TIMESTAMP WITH TIME ZONE; the offsets the store and the fleet gave are kept in the *_text columns and in
-- request_json, because PostgreSQL keeps only the instant.
CREATE TABLE delivery_request (
    delivery_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    store_id        VARCHAR(64)   NOT NULL,
    order_ref       VARCHAR(64)   NOT NULL,
    fleet_id        VARCHAR(40)   NOT NULL,
    request_hash    CHAR(64)      NOT NULL,
    window_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    window_to       TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    status_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    rider           VARCHAR(64),
    delivered_at    TIMESTAMP WITH TIME ZONE,
    reason          VARCHAR(200),
    request_json    VARCHAR(200000) NOT NULL,
    CONSTRAINT delivery_request_order UNIQUE (store_id, order_ref)
);
CREATE INDEX delivery_request_store_window ON delivery_request (store_id, window_from);

CREATE TABLE delivery_status_change (
    delivery_id     VARCHAR(64)   NOT NULL REFERENCES delivery_request (delivery_id),
    seq             INT           NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    status_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    status_time_text VARCHAR(40)  NOT NULL,
    rider           VARCHAR(64),
    reason          VARCHAR(200),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (delivery_id, seq)
);

-- Transactional outbox: written in the same transaction as the delivery, sent by the dispatcher, marked sent.
CREATE TABLE delivery_outbox (
    delivery_id     VARCHAR(64)   NOT NULL PRIMARY KEY REFERENCES delivery_request (delivery_id),
    address         VARCHAR(100)  NOT NULL,
    body            VARCHAR(200000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    attempts        INT           NOT NULL,
    last_error      VARCHAR(500)
);
CREATE INDEX delivery_outbox_pending ON delivery_outbox (sent_at, created_at);
