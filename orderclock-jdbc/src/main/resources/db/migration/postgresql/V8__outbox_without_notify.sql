-- The outbox's NOTIFY goes (V7_1 added it). PostgreSQL holds a database-wide lock from a notifying
-- transaction's pre-commit until its commit is flushed, so every commit that wrote an event waited for
-- the one before it: creation's writes ran at less than half their pace with the trigger
-- (orderclock-bench/scripts/notify-cost.sh). Each node's relay is woken by its own commits instead.
DROP TRIGGER IF EXISTS order_events_notify ON order_events;
DROP FUNCTION IF EXISTS order_events_notify();
