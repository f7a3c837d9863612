-- Wholesale ordering. H2 2.x and PostgreSQL 15+. Quantities in units (3 decimals for goods sold by weight; order
-- quantities are whole units), money in integer minor units, instants WITH TIME ZONE.

-- A sale counted once: its id is the idempotency key of the sales consumer.
CREATE TABLE wholesale_sale (
    sale_id     VARCHAR(200) PRIMARY KEY,
    store_id    VARCHAR(64)  NOT NULL,
    counted_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Units per sale and product, kept to know the sales since a stock count.
CREATE TABLE wholesale_sale_units (
    sale_id     VARCHAR(200) NOT NULL,
    gtin        CHAR(14)     NOT NULL,
    store_id    VARCHAR(64)  NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    units       NUMERIC(19, 3) NOT NULL,
    PRIMARY KEY (sale_id, gtin)
);
CREATE INDEX wholesale_sale_units_by_store ON wholesale_sale_units (store_id, gtin, occurred_at);

-- The demand history: store x business day x product.
CREATE TABLE wholesale_daily_units (
    store_id     VARCHAR(64) NOT NULL,
    business_day DATE        NOT NULL,
    gtin         CHAR(14)    NOT NULL,
    units        NUMERIC(19, 3) NOT NULL,
    PRIMARY KEY (store_id, business_day, gtin)
);

CREATE TABLE wholesale_stock_count (
    store_id    VARCHAR(64) NOT NULL,
    gtin        CHAR(14)    NOT NULL,
    counted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    quantity    NUMERIC(19, 3) NOT NULL,
    PRIMARY KEY (store_id, gtin, counted_at)
);

CREATE TABLE wholesale_delivery (
    delivery_id VARCHAR(40) NOT NULL,
    store_id    VARCHAR(64) NOT NULL,
    gtin        CHAR(14)    NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    quantity    NUMERIC(19, 3) NOT NULL,
    order_id    VARCHAR(40),
    PRIMARY KEY (delivery_id, gtin)
);
CREATE INDEX wholesale_delivery_by_store ON wholesale_delivery (store_id, gtin, received_at);

CREATE TABLE wholesale_store_order (
    order_id     VARCHAR(40) PRIMARY KEY,
    store_id     VARCHAR(64) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    confirmed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    zone_id      VARCHAR(64) NOT NULL,
    order_month  CHAR(7)     NOT NULL
);
CREATE INDEX wholesale_store_order_by_store ON wholesale_store_order (store_id, confirmed_at);
CREATE INDEX wholesale_store_order_by_status ON wholesale_store_order (status);

CREATE TABLE wholesale_store_order_line (
    order_id           VARCHAR(40) NOT NULL,
    gtin               CHAR(14)    NOT NULL,
    name               VARCHAR(200) NOT NULL,
    supplier_id        VARCHAR(40) NOT NULL,
    pack_size          INTEGER     NOT NULL,
    quantity           BIGINT      NOT NULL,
    allocated_quantity BIGINT,
    unit_price_minor   BIGINT      NOT NULL,
    currency           CHAR(3)     NOT NULL,
    line_status        VARCHAR(16) NOT NULL,
    delivery_date      DATE,
    po_id              VARCHAR(40),
    po_line_no         INTEGER,
    PRIMARY KEY (order_id, gtin)
);
CREATE INDEX wholesale_store_order_line_by_po ON wholesale_store_order_line (po_id, po_line_no);

CREATE TABLE wholesale_po (
    po_id        VARCHAR(40) PRIMARY KEY,
    supplier_id  VARCHAR(40) NOT NULL,
    region_id    VARCHAR(64) NOT NULL,
    currency     CHAR(3)     NOT NULL,
    format       VARCHAR(16) NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(16) NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE,
    send_attempts INTEGER    NOT NULL,
    last_problem VARCHAR(1000),
    response_id  VARCHAR(100),
    answered_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE wholesale_po_line (
    po_id                 VARCHAR(40) NOT NULL,
    line_no               INTEGER     NOT NULL,
    gtin                  CHAR(14)    NOT NULL,
    name                  VARCHAR(200) NOT NULL,
    pack_size             INTEGER     NOT NULL,
    quantity              BIGINT      NOT NULL,
    unit_price_minor      BIGINT      NOT NULL,
    line_status           VARCHAR(16) NOT NULL,
    confirmed_quantity    BIGINT,
    confirmed_price_minor BIGINT,
    delivery_date         DATE,
    PRIMARY KEY (po_id, line_no)
);

CREATE TABLE wholesale_purchase (
    purchase_id  VARCHAR(40) PRIMARY KEY,
    store_id     VARCHAR(64) NOT NULL,
    business_day DATE        NOT NULL,
    purchase_month CHAR(7)   NOT NULL,
    amount_minor BIGINT      NOT NULL,
    currency     CHAR(3)     NOT NULL,
    supplier     VARCHAR(200) NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX wholesale_purchase_by_store ON wholesale_purchase (store_id, purchase_month);

-- The newest supplier-catalog message per supplier: its products array as received.
CREATE TABLE wholesale_catalog (
    supplier_id VARCHAR(40) PRIMARY KEY,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    products    TEXT NOT NULL
);
