-- orderclock schema, version 1. Kept line for line like h2/V1__orders.sql: only the indexes differ.
-- A deadline is a column of the order, not a row of a job table: inserting the order schedules it,
-- leaving its status cancels it, and an index over pending rows by deadline is what the engine scans.

CREATE TABLE products (
    sku         VARCHAR(64)   NOT NULL PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    price       NUMERIC(12,2) NOT NULL CHECK (price >= 0),
    stock       BIGINT        NOT NULL CHECK (stock >= 0),
    available   BIGINT        NOT NULL CHECK (available >= 0),
    sold        BIGINT        NOT NULL DEFAULT 0 CHECK (sold >= 0),
    created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE orders (
    id                BIGINT        NOT NULL PRIMARY KEY,
    -- Insertion order: the listing's order and cursor, since ids are random.
    seq               BIGINT        GENERATED ALWAYS AS IDENTITY UNIQUE,
    user_id           VARCHAR(64)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    close_reason      VARCHAR(20),
    amount            NUMERIC(14,2) NOT NULL,
    currency          CHAR(3)       NOT NULL,
    created_at        TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    pay_deadline      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    paid_at           TIMESTAMP(3) WITH TIME ZONE,
    closed_at         TIMESTAMP(3) WITH TIME ZONE,
    shipped_at        TIMESTAMP(3) WITH TIME ZONE,
    confirm_deadline  TIMESTAMP(3) WITH TIME ZONE,
    completed_at      TIMESTAMP(3) WITH TIME ZONE,
    CONSTRAINT orders_status_known
        CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'SHIPPED', 'COMPLETED', 'CLOSED')),
    CONSTRAINT orders_closed_with_reason
        CHECK ((status = 'CLOSED' AND close_reason IN ('PAYMENT_TIMEOUT', 'USER_CANCELLED'))
            OR (status <> 'CLOSED' AND close_reason IS NULL))
);

CREATE TABLE order_lines (
    order_id    BIGINT        NOT NULL REFERENCES orders (id),
    line_no     INT           NOT NULL,
    sku         VARCHAR(64)   NOT NULL REFERENCES products (sku),
    quantity    INT           NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(12,2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- The transactional outbox: one row per transition, written in the transaction that made it.
CREATE TABLE order_events (
    seq           BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      UUID          NOT NULL UNIQUE,
    order_id      BIGINT        NOT NULL,
    type          VARCHAR(32)   NOT NULL,
    occurred_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    payload       TEXT          NOT NULL,
    published_at  TIMESTAMP(3) WITH TIME ZONE
);

-- Dialect differences start here. PostgreSQL: partial indexes hold only the rows still waiting
-- for their deadline, so they stay as small as the number of pending (or shipped) orders.
CREATE INDEX orders_pay_due ON orders (pay_deadline, id) WHERE status = 'PENDING_PAYMENT';
CREATE INDEX orders_confirm_due ON orders (confirm_deadline, id) WHERE status = 'SHIPPED';
CREATE INDEX orders_by_user ON orders (user_id, seq);
CREATE INDEX order_events_unpublished ON order_events (seq) WHERE published_at IS NULL;
