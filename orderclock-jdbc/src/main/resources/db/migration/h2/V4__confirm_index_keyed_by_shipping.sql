-- orderclock schema, version 4, H2. The confirm-deadline index used to lead with the order's status,
-- so every status change moved the index entry of every order, even of the unpaid ones that never
-- get a confirm deadline: closing a batch of 500 unpaid orders rewrote about a thousand scattered
-- pages of an index that serves only shipped orders. Keyed by a status that exists only once a
-- confirm deadline is set, the entries of unpaid, closed and paid orders never move. (PostgreSQL
-- has this already: its index is partial, WHERE status = 'SHIPPED'.)
ALTER TABLE orders ADD COLUMN confirm_status VARCHAR(20)
    GENERATED ALWAYS AS (CASE WHEN confirm_deadline IS NOT NULL THEN status END);

DROP INDEX orders_confirm_due;
CREATE INDEX orders_confirm_due ON orders (confirm_status, confirm_deadline, id);
