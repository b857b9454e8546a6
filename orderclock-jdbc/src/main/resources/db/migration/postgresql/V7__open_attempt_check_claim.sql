-- orderclock schema, version 7: the check claim of an order held by an open attempt. Kept line for line
-- like h2/V7__open_attempt_check_claim.sql.
-- An overdue order with an open payment attempt is decided by asking the channel, not by the closing
-- update. The sweeper hands such orders to that check, as the wheel does; while a check is under way
-- (or until it would have ended, if its node was killed) this column keeps every sweeper off the order,
-- so that it is handed over once per claim, not once per sweep, and a claimed order fills no batch.

ALTER TABLE orders ADD COLUMN check_claimed_until TIMESTAMP(3) WITH TIME ZONE;
