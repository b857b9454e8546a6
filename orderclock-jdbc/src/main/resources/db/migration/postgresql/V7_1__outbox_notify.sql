-- Wakes the event relays of every node when events commit (issue 15): LISTEN orderclock_outbox.
-- NOTIFY is transactional: sent at commit, never for a rollback, and PostgreSQL folds the
-- identical notifications of one transaction into one. One per insert statement, not per row; the
-- payload is the schema, so clusters in other schemas of the same database are not woken.
CREATE FUNCTION order_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('orderclock_outbox', current_schema());
    RETURN NULL;
END;
$$;

CREATE TRIGGER order_events_notify
    AFTER INSERT ON order_events
    FOR EACH STATEMENT EXECUTE FUNCTION order_events_notify();
