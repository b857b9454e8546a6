-- orderclock schema, version 3: the last look at a closed attempt. Kept line for line like
-- postgresql/V3__late_money_check.sql. A channel may take money for a trade after it was closed (WeChat
-- Pay after time_expire, a buyer already entering the password while the shop switched channel); should
-- every notification of it be lost, reconciliation asks the channel once more about each closed attempt
-- a while after the close, and records the time here.

ALTER TABLE payment_attempts ADD COLUMN rechecked_at TIMESTAMP(3) WITH TIME ZONE;

-- Attempts closed before this version are not looked at again: no burst of queries on upgrade.
UPDATE payment_attempts SET rechecked_at = closed_at WHERE status = 'CLOSED';

-- Dialect differences start here. H2 has no partial indexes: the status leads.
CREATE INDEX payment_attempts_recheck ON payment_attempts (status, rechecked_at, closed_at, trade_no);
