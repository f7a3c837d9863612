-- The payments module's own tables. Money is integer minor units beside its ISO 4217 currency.
-- No payer account id is ever stored: payer_ref is a keyed pseudonym.

-- Notifications processed once: alipay:<notify_id>, wechat:<notification id>.
CREATE TABLE payments_notification (
    event_id       VARCHAR(160) NOT NULL PRIMARY KEY,
    payment_id     VARCHAR(100) NOT NULL,
    processed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- WeChat Pay nonces seen within the accepted clock skew, so that a captured request cannot be replayed.
CREATE TABLE payments_wechat_nonce (
    nonce          VARCHAR(64)  NOT NULL PRIMARY KEY,
    signed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payments_wechat_nonce_signed_at ON payments_wechat_nonce (signed_at);

-- The latest state of each payment.
CREATE TABLE payments_payment (
    payment_id     VARCHAR(100) NOT NULL PRIMARY KEY,
    provider       VARCHAR(16)  NOT NULL,
    merchant_id    VARCHAR(64)  NOT NULL,
    store_id       VARCHAR(64)  NOT NULL,
    out_trade_no   VARCHAR(64),
    trade_no       VARCHAR(64)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    amount         BIGINT       NOT NULL,
    refunded       BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    payer_ref      VARCHAR(100),
    age_band       VARCHAR(8),
    last_event_id  VARCHAR(160) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payments_payment_store_time ON payments_payment (store_id, occurred_at);
CREATE INDEX payments_payment_order ON payments_payment (provider, merchant_id, out_trade_no);

-- Refunds of a payment, so that several partial refunds add up once each.
CREATE TABLE payments_refund (
    payment_id     VARCHAR(100) NOT NULL,
    refund_id      VARCHAR(64)  NOT NULL,
    amount         BIGINT       NOT NULL,
    PRIMARY KEY (payment_id, refund_id)
);
