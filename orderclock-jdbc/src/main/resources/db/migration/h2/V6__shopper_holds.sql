-- orderclock schema, version 6, H2. Kept like postgresql/V6__shopper_holds.sql: only the index differs.
-- One row per shopper who has placed an order, locked FOR UPDATE by every order that shopper places
-- while holding limits apply: the count of the shopper's pending orders and units and the insert of
-- the new order then run one shopper at a time.
CREATE TABLE shopper_locks (
    user_id  VARCHAR(64) NOT NULL PRIMARY KEY
);

-- H2 has no partial index: the shopper leads and the status follows, so a shopper's pending orders
-- are one index range whatever the shopper's history.
CREATE INDEX orders_pending_by_user ON orders (user_id, status);
