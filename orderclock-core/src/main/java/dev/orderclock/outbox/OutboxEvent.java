package dev.orderclock.outbox;

/**
 * One row of the outbox: its position ({@code seq}, increasing in the order the rows were written),
 * the event's own id (what consumers deduplicate by), its type ({@code order.closed}) and the body
 * consumers receive, rendered when the event was written.
 */
public record OutboxEvent(long seq, String eventId, String type, String payload) {}
