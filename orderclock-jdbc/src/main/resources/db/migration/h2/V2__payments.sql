-- orderclock schema, version 2: payment attempts. Kept line for line like postgresql/V2__payments.sql.
-- An order has attempts (one per /pay), at most one open: orders.open_trade_no names it. Opening and
-- closing are conditional updates on the order row, so "at most one open" and "never close an order
-- with an open attempt blindly" are decided by the database, like every other race.

ALTER TABLE orders ADD COLUMN open_trade_no VARCHAR(64);

CREATE TABLE payment_attempts (
    trade_no           VARCHAR(64)   NOT NULL PRIMARY KEY,
    order_id           BIGINT        NOT NULL REFERENCES orders (id),
    channel            VARCHAR(16)   NOT NULL,
    amount             NUMERIC(14,2) NOT NULL,
    status             VARCHAR(10)   NOT NULL,
    opened_at          TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    pay_url            VARCHAR(1024),
    channel_trade_no   VARCHAR(64),
    paid_at            TIMESTAMP(3) WITH TIME ZONE,
    closed_at          TIMESTAMP(3) WITH TIME ZONE,
    -- Money that reached an order no longer pending: refunded under this fixed request number.
    refund_request_no  VARCHAR(64),
    refund_status      VARCHAR(16),
    refund_amount      NUMERIC(14,2),
    refunded_at        TIMESTAMP(3) WITH TIME ZONE,
    CONSTRAINT payment_attempts_status_known CHECK (status IN ('OPEN', 'PAID', 'CLOSED')),
    CONSTRAINT payment_attempts_refund_known
        CHECK (refund_status IS NULL OR refund_status IN ('REFUND_PENDING', 'REFUNDED'))
);

-- Dialect differences start here. H2 has no partial indexes: the status leads.
CREATE INDEX payment_attempts_by_order ON payment_attempts (order_id);
CREATE INDEX payment_attempts_open ON payment_attempts (status, opened_at, trade_no);
CREATE INDEX payment_attempts_refunds ON payment_attempts (refund_status, paid_at, trade_no);
