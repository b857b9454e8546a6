-- orderclock schema, version 5: mismatched attempts. Kept line for line like h2/V5__mismatched_attempts.sql.
-- A trade the channel holds under an attempt's number with another amount, currency or merchant is not
-- the trade that was opened: the attempt is marked MISMATCHED (closed at the channel, any money in it
-- refunded), so that nothing asks about it again and its order closes at its deadline as any unpaid one.

ALTER TABLE payment_attempts DROP CONSTRAINT payment_attempts_status_known;
ALTER TABLE payment_attempts ADD CONSTRAINT payment_attempts_status_known
    CHECK (status IN ('OPEN', 'PAID', 'CLOSED', 'MISMATCHED'));
