-- The promotions module's own tables, migrated with their own history table (promotions_schema_history).
-- Money is integer minor units beside its ISO 4217 currency. Runs on H2 and PostgreSQL.
-- No customer data is kept: sales are reduced to store, day, product, units and amounts.

-- The current version of each brand's catalog.
CREATE TABLE promotions_catalog (
    brand              VARCHAR(40)   NOT NULL,
    catalog_id         VARCHAR(64)   NOT NULL,
    version            BIGINT        NOT NULL,
    content_sha256     CHAR(64)      NOT NULL,
    accepted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (brand, catalog_id)
);

-- A promotion id is what tills put in promotionCode, so it names one promotion across all brands and catalogs.
-- A newer catalog version updates its promotions in place (the budget used stays) and withdraws those it drops.
CREATE TABLE promotions_promotion (
    promotion_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    brand              VARCHAR(40)   NOT NULL,
    catalog_id         VARCHAR(64)   NOT NULL,
    catalog_version    BIGINT        NOT NULL,
    name               VARCHAR(200)  NOT NULL,
    mechanics_type     VARCHAR(20)   NOT NULL,
    percent_off        INT,
    price_minor        BIGINT,
    buy_quantity       INT,
    get_quantity       INT,
    bundle_quantity    INT,
    -- the instants, and the offsets the brand gave them with (PostgreSQL keeps instants only)
    valid_from         TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_from_offset  INT           NOT NULL,
    valid_to           TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_to_offset    INT           NOT NULL,
    currency           CHAR(3)       NOT NULL,
    budget_minor       BIGINT        NOT NULL,
    budget_used_minor  BIGINT        NOT NULL,
    withdrawn          BOOLEAN       NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT promotions_promotion_natural UNIQUE (brand, catalog_id, promotion_id),
    CONSTRAINT promotions_promotion_catalog FOREIGN KEY (brand, catalog_id)
        REFERENCES promotions_catalog (brand, catalog_id)
);

CREATE TABLE promotions_product (
    promotion_id       VARCHAR(64)   NOT NULL REFERENCES promotions_promotion (promotion_id),
    gtin               CHAR(14)      NOT NULL,
    PRIMARY KEY (promotion_id, gtin)
);
CREATE INDEX promotions_product_gtin ON promotions_product (gtin);

-- kind: region, area or store; no row of a kind: that kind does not restrict.
CREATE TABLE promotions_eligibility (
    promotion_id       VARCHAR(64)   NOT NULL REFERENCES promotions_promotion (promotion_id),
    kind               VARCHAR(8)    NOT NULL,
    item               VARCHAR(64)   NOT NULL,
    PRIMARY KEY (promotion_id, kind, item)
);

-- Products whose sales are rolled up, from when a catalog first named them.
CREATE TABLE promotions_tracked_gtin (
    gtin               CHAR(14)      NOT NULL PRIMARY KEY,
    tracked_since      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per sale processed: the idempotency key.
CREATE TABLE promotions_sale (
    sale_id            VARCHAR(200)  NOT NULL PRIMARY KEY,
    store_id           VARCHAR(64)   NOT NULL,
    business_day       DATE          NOT NULL,
    processed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A sale line that redeemed a promotion; redemptions is 1, or -1 for a line that voids or returns one.
CREATE TABLE promotions_redemption (
    sale_id            VARCHAR(200)  NOT NULL REFERENCES promotions_sale (sale_id),
    line_no            INT           NOT NULL,
    promotion_id       VARCHAR(64)   NOT NULL REFERENCES promotions_promotion (promotion_id),
    store_id           VARCHAR(64)   NOT NULL,
    business_day       DATE          NOT NULL,
    gtin               CHAR(14)      NOT NULL,
    redemptions        INT           NOT NULL,
    units              DECIMAL(18,3) NOT NULL,
    revenue_minor      BIGINT        NOT NULL,
    discount_minor     BIGINT        NOT NULL,
    expected_discount_minor BIGINT   NOT NULL,
    PRIMARY KEY (sale_id, line_no)
);
CREATE INDEX promotions_redemption_promotion ON promotions_redemption (promotion_id, store_id);

-- store x business day x product sales of tracked products, for the uplift.
CREATE TABLE promotions_sales_daily (
    gtin               CHAR(14)      NOT NULL,
    business_day       DATE          NOT NULL,
    store_id           VARCHAR(64)   NOT NULL,
    currency           CHAR(3)       NOT NULL,
    units              DECIMAL(18,3) NOT NULL,
    revenue_minor      BIGINT        NOT NULL,
    PRIMARY KEY (gtin, business_day, store_id, currency)
);

-- Reports sent to brands, one per promotion and period.
CREATE TABLE promotions_report_sent (
    promotion_id       VARCHAR(64)   NOT NULL,
    period_start       TIMESTAMP WITH TIME ZONE NOT NULL,
    duplicate_id       VARCHAR(200)  NOT NULL,
    sent_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (promotion_id, period_start)
);
