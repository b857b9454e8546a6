-- orderclock schema, version 6, PostgreSQL. Kept like h2/V6__shopper_holds.sql: only the index differs.
-- One row per shopper who has placed an order, locked FOR UPDATE by every order that shopper places
-- while holding limits apply: the count of the shopper's pending orders and units and the insert of
-- the new order then run one shopper at a time, on every node that shares the database.
CREATE TABLE shopper_locks (
    user_id  VARCHAR(64) NOT NULL PRIMARY KEY
);

-- Counting what a shopper holds reads only that shopper's pending orders: a partial index as small
-- as the number of pending orders, whatever the shopper's history.
CREATE INDEX orders_pending_by_user ON orders (user_id) WHERE status = 'PENDING_PAYMENT';
