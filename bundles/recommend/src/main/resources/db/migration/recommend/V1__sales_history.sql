-- The recommend module's own tables: the sales history it learns from. Money is integer minor units beside its
-- ISO 4217 currency; units are exact decimals (goods sold by weight). Days and weeks are business days in each
-- store's own time zone; a week is an ISO week, held as the date of its Monday.

-- One row per sale seen: its primary key makes a redelivered or resent sale change nothing.
CREATE TABLE recommend_sale (
    sale_id          VARCHAR(200)  NOT NULL PRIMARY KEY,
    store_id         VARCHAR(64)   NOT NULL,
    business_day     DATE          NOT NULL,
    stored_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- store x ISO week x product: what sells where.
CREATE TABLE recommend_weekly_product (
    store_id         VARCHAR(64)   NOT NULL,
    week_start       DATE          NOT NULL,
    iso_week         CHAR(8)       NOT NULL,
    gtin             CHAR(14)      NOT NULL,
    currency         CHAR(3)       NOT NULL,
    units            DECIMAL(18,3) NOT NULL,
    revenue_minor    BIGINT        NOT NULL,
    line_count       INT           NOT NULL,
    min_unit_price   BIGINT,
    max_unit_price   BIGINT,
    PRIMARY KEY (store_id, week_start, gtin, currency)
);
CREATE INDEX recommend_weekly_product_week ON recommend_weekly_product (week_start);

-- store x business day x product x shelf price: the units sold at each price, for weighted price bands and for
-- the price/units fit behind an elasticity estimate.
CREATE TABLE recommend_price_point (
    store_id         VARCHAR(64)   NOT NULL,
    business_day     DATE          NOT NULL,
    week_start       DATE          NOT NULL,
    gtin             CHAR(14)      NOT NULL,
    currency         CHAR(3)       NOT NULL,
    unit_price       BIGINT        NOT NULL,
    units            DECIMAL(18,3) NOT NULL,
    line_count       INT           NOT NULL,
    PRIMARY KEY (store_id, business_day, gtin, currency, unit_price)
);
CREATE INDEX recommend_price_point_gtin_week ON recommend_price_point (gtin, week_start);

-- The latest name a product was sold under.
CREATE TABLE recommend_product (
    gtin             CHAR(14)      NOT NULL PRIMARY KEY,
    name             VARCHAR(200)  NOT NULL,
    seen_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
