-- The insights module's own tables, migrated with their own history table (insights_schema_history).
-- Money is integer minor units beside its ISO 4217 currency. Runs on H2 and PostgreSQL.

-- One row per sale counted: the idempotency key, and what a late payment needs to re-attribute the sale.
-- Insights never read it; they read the rollups below.
CREATE TABLE insights_sale (
    sale_id            VARCHAR(200)  NOT NULL PRIMARY KEY,
    store_id           VARCHAR(64)   NOT NULL,
    business_day       DATE          NOT NULL,
    currency           CHAR(3)       NOT NULL,
    is_return          BOOLEAN       NOT NULL,
    -- as the till sent them
    sale_customer_ref  VARCHAR(128),
    sale_age_band      VARCHAR(8),
    -- as attributed: the payer of a linked payment, else the till's
    customer_ref       VARCHAR(128),
    age_band           VARCHAR(8),
    counted_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Net units and revenue per product of a counted sale (products a sale voided entirely are left out).
CREATE TABLE insights_sale_product (
    sale_id            VARCHAR(200)  NOT NULL REFERENCES insights_sale (sale_id),
    gtin               CHAR(14)      NOT NULL,
    name               VARCHAR(200),
    units              DECIMAL(18,3) NOT NULL,
    revenue_minor      BIGINT        NOT NULL,
    PRIMARY KEY (sale_id, gtin)
);

-- The tender references of a counted sale, in tender order.
CREATE TABLE insights_sale_reference (
    store_id           VARCHAR(64)   NOT NULL,
    reference          VARCHAR(200)  NOT NULL,
    sale_id            VARCHAR(200)  NOT NULL REFERENCES insights_sale (sale_id),
    seq                INT           NOT NULL,
    PRIMARY KEY (store_id, reference, sale_id)
);
CREATE INDEX insights_sale_reference_sale ON insights_sale_reference (sale_id);

-- The link table: a payment reference (merchant order number or provider trade number) to its payer. A sale and
-- a payment with the same reference both lock this row, whichever comes first creating it, so the second to
-- arrive always sees the first and attributes the sale.
CREATE TABLE insights_payment_link (
    store_id           VARCHAR(64)   NOT NULL,
    reference          VARCHAR(200)  NOT NULL,
    payment_id         VARCHAR(200),
    payer_ref          VARCHAR(128),
    age_band           VARCHAR(8),
    PRIMARY KEY (store_id, reference)
);

-- Payment events counted, for idempotency.
CREATE TABLE insights_payment_event (
    event_id           VARCHAR(200)  NOT NULL PRIMARY KEY,
    payment_id         VARCHAR(200)  NOT NULL,
    counted_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Rollup store x business day x local hour of day.
CREATE TABLE insights_hourly (
    store_id           VARCHAR(64)   NOT NULL,
    business_day       DATE          NOT NULL,
    hour_of_day        SMALLINT      NOT NULL,
    currency           CHAR(3)       NOT NULL,
    sale_count         INT           NOT NULL,
    return_count       INT           NOT NULL,
    revenue_minor      BIGINT        NOT NULL,
    PRIMARY KEY (store_id, business_day, hour_of_day, currency)
);

-- Rollup store x business day x product.
CREATE TABLE insights_daily_product (
    store_id           VARCHAR(64)   NOT NULL,
    business_day       DATE          NOT NULL,
    gtin               CHAR(14)      NOT NULL,
    currency           CHAR(3)       NOT NULL,
    name               VARCHAR(200),
    units              DECIMAL(18,3) NOT NULL,
    revenue_minor      BIGINT        NOT NULL,
    PRIMARY KEY (store_id, business_day, gtin, currency)
);

-- Rollup store x business day of baskets: sales that were not returns, their items and value.
CREATE TABLE insights_daily_basket (
    store_id           VARCHAR(64)   NOT NULL,
    business_day       DATE          NOT NULL,
    currency           CHAR(3)       NOT NULL,
    sale_count         INT           NOT NULL,
    item_count         BIGINT        NOT NULL,
    value_minor        BIGINT        NOT NULL,
    PRIMARY KEY (store_id, business_day, currency)
);

-- Visits: an identified customer bought at a store on a business day (sale_count such sales).
CREATE TABLE insights_customer_day (
    store_id           VARCHAR(64)   NOT NULL,
    customer_ref       VARCHAR(128)  NOT NULL,
    business_day       DATE          NOT NULL,
    sale_count         INT           NOT NULL,
    PRIMARY KEY (store_id, customer_ref, business_day)
);
CREATE INDEX insights_customer_day_day ON insights_customer_day (store_id, business_day);

-- Rollup store x age band x product, per customer and day so that distinct customers can be counted over any
-- window (to enforce k).
CREATE TABLE insights_band_product (
    store_id           VARCHAR(64)   NOT NULL,
    age_band           VARCHAR(8)    NOT NULL,
    gtin               CHAR(14)      NOT NULL,
    customer_ref       VARCHAR(128)  NOT NULL,
    business_day       DATE          NOT NULL,
    currency           CHAR(3)       NOT NULL,
    name               VARCHAR(200),
    units              DECIMAL(18,3) NOT NULL,
    revenue_minor      BIGINT        NOT NULL,
    sale_count         INT           NOT NULL,
    PRIMARY KEY (store_id, age_band, gtin, customer_ref, business_day, currency)
);
CREATE INDEX insights_band_product_day ON insights_band_product (store_id, business_day);
