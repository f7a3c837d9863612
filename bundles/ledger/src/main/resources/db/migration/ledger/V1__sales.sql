-- The ledger's own tables. Money is integer minor units beside its ISO 4217 currency.
CREATE TABLE ledger_sale (
    sale_id          VARCHAR(200)  NOT NULL PRIMARY KEY,
    store_id         VARCHAR(64)   NOT NULL,
    pos_id           VARCHAR(64)   NOT NULL,
    receipt_no       VARCHAR(64)   NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    business_day     DATE          NOT NULL,
    currency         CHAR(3)       NOT NULL,
    total_minor      BIGINT        NOT NULL,
    tax_added_minor  BIGINT        NOT NULL,
    line_count       INT           NOT NULL,
    customer_ref     VARCHAR(128),
    age_band         VARCHAR(8),
    source           VARCHAR(64)   NOT NULL,
    event_id         VARCHAR(64)   NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    stored_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    payload          VARCHAR(1000000) NOT NULL
);
CREATE INDEX ledger_sale_store_day ON ledger_sale (store_id, business_day);
CREATE INDEX ledger_sale_day ON ledger_sale (business_day);

CREATE TABLE ledger_sale_line (
    sale_id          VARCHAR(200)  NOT NULL REFERENCES ledger_sale (sale_id),
    line_no          INT           NOT NULL,
    gtin             CHAR(14)      NOT NULL,
    name             VARCHAR(200),
    quantity         DECIMAL(15,3) NOT NULL,
    unit_price_minor BIGINT        NOT NULL,
    discount_minor   BIGINT        NOT NULL,
    amount_minor     BIGINT        NOT NULL,
    promotion_code   VARCHAR(64),
    voids_line       INT,
    PRIMARY KEY (sale_id, line_no)
);

CREATE TABLE ledger_tender (
    sale_id          VARCHAR(200)  NOT NULL REFERENCES ledger_sale (sale_id),
    seq              INT           NOT NULL,
    tender_type      VARCHAR(16)   NOT NULL,
    amount_minor     BIGINT        NOT NULL,
    reference        VARCHAR(128),
    PRIMARY KEY (sale_id, seq)
);

-- Rollup store x business day x product, maintained as sales arrive so queries do not scan raw sales.
CREATE TABLE ledger_daily_product (
    store_id         VARCHAR(64)   NOT NULL,
    business_day     DATE          NOT NULL,
    gtin             CHAR(14)      NOT NULL,
    currency         CHAR(3)       NOT NULL,
    name             VARCHAR(200),
    units            DECIMAL(18,3) NOT NULL,
    revenue_minor    BIGINT        NOT NULL,
    sale_count       INT           NOT NULL,
    PRIMARY KEY (store_id, business_day, gtin, currency)
);
CREATE INDEX ledger_daily_product_day ON ledger_daily_product (business_day);
