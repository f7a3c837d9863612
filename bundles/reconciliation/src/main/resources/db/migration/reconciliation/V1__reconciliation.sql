-- Reconciliation's own tables: only what matching needs. Money is integer minor units beside its currency.

-- A POS sale, reduced to when and where it happened.
CREATE TABLE reconciliation_sale (
    sale_id          VARCHAR(200)  NOT NULL PRIMARY KEY,
    store_id         VARCHAR(64)   NOT NULL,
    business_day     DATE          NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    currency         CHAR(3)       NOT NULL,
    event_id         VARCHAR(64)   NOT NULL,
    stored_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reconciliation_sale_store_day ON reconciliation_sale (store_id, business_day);

-- Its non-cash tenders; seq is the tender's position in the sale (1-based). Cash needs no payment.
CREATE TABLE reconciliation_tender (
    sale_id          VARCHAR(200)  NOT NULL REFERENCES reconciliation_sale (sale_id),
    seq              INT           NOT NULL,
    tender_type      VARCHAR(16)   NOT NULL,
    amount_minor     BIGINT        NOT NULL,
    reference        VARCHAR(128),
    PRIMARY KEY (sale_id, seq)
);
CREATE INDEX reconciliation_tender_reference ON reconciliation_tender (reference);

-- The latest state of each payment. occurred_at is the earliest payment time seen (it decides the business day);
-- state_occurred_at and state_recorded_at order the notifications, so a later one replaces an earlier one.
CREATE TABLE reconciliation_payment (
    payment_id        VARCHAR(200)  NOT NULL PRIMARY KEY,
    store_id          VARCHAR(64)   NOT NULL,
    provider          VARCHAR(16)   NOT NULL,
    merchant_order_no VARCHAR(128),
    provider_trade_no VARCHAR(128),
    status            VARCHAR(16)   NOT NULL,
    amount_minor      BIGINT        NOT NULL,
    refunded_minor    BIGINT        NOT NULL,
    currency          CHAR(3)       NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    business_day      DATE          NOT NULL,
    state_occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    state_recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    event_id          VARCHAR(200)  NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reconciliation_payment_store_day ON reconciliation_payment (store_id, business_day);
CREATE INDEX reconciliation_payment_order ON reconciliation_payment (store_id, merchant_order_no);
CREATE INDEX reconciliation_payment_trade ON reconciliation_payment (store_id, provider_trade_no);

-- A bank statement entry, stored once per settlement id.
CREATE TABLE reconciliation_settlement (
    settlement_id    VARCHAR(200)  NOT NULL PRIMARY KEY,
    store_id         VARCHAR(64),
    account          VARCHAR(64),
    amount_minor     BIGINT        NOT NULL,
    currency         CHAR(3)       NOT NULL,
    booking_date     DATE          NOT NULL,
    value_date       DATE,
    bank_reference   VARCHAR(200),
    statement_id     VARCHAR(200),
    event_id         VARCHAR(200)  NOT NULL,
    stored_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reconciliation_settlement_store_day ON reconciliation_settlement (store_id, booking_date);

CREATE TABLE reconciliation_settlement_detail (
    settlement_id    VARCHAR(200)  NOT NULL REFERENCES reconciliation_settlement (settlement_id),
    seq              INT           NOT NULL,
    amount_minor     BIGINT,
    original_minor   BIGINT,
    original_currency CHAR(3),
    end_to_end_id    VARCHAR(200),
    remittance       VARCHAR(2000),
    counterparty     VARCHAR(200),
    PRIMARY KEY (settlement_id, seq)
);

-- Store x business day with activity, and when it was last reconciled: what the scheduled run looks at.
CREATE TABLE reconciliation_day (
    store_id         VARCHAR(64)   NOT NULL,
    business_day     DATE          NOT NULL,
    last_activity_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_run_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (store_id, business_day)
);
CREATE INDEX reconciliation_day_day ON reconciliation_day (business_day);

-- The results of a day's last run, replaced by each run.
CREATE TABLE reconciliation_result (
    store_id         VARCHAR(64)   NOT NULL,
    business_day     DATE          NOT NULL,
    subject          VARCHAR(400)  NOT NULL,
    line_no          INT           NOT NULL,
    state            VARCHAR(32)   NOT NULL,
    sale_id          VARCHAR(200),
    reference        VARCHAR(200),
    payment_id       VARCHAR(200),
    settlement_id    VARCHAR(200),
    expected_minor   BIGINT,
    actual_minor     BIGINT,
    currency         CHAR(3),
    detail           VARCHAR(1000),
    discrepancy_id   VARCHAR(600),
    PRIMARY KEY (store_id, business_day, subject)
);

-- Every discrepancy ever found: published once, resolved when a later run no longer finds it.
CREATE TABLE reconciliation_discrepancy (
    discrepancy_id   VARCHAR(600)  NOT NULL PRIMARY KEY,
    store_id         VARCHAR(64)   NOT NULL,
    business_day     DATE          NOT NULL,
    state            VARCHAR(32)   NOT NULL,
    subject          VARCHAR(400)  NOT NULL,
    sale_id          VARCHAR(200),
    payment_id       VARCHAR(200),
    settlement_id    VARCHAR(200),
    expected_minor   BIGINT,
    actual_minor     BIGINT,
    currency         CHAR(3),
    detail           VARCHAR(1000),
    detected_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at     TIMESTAMP WITH TIME ZONE,
    resolved_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX reconciliation_discrepancy_store_day ON reconciliation_discrepancy (store_id, business_day);
