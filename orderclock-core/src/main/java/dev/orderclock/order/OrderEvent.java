package dev.orderclock.order;

import java.time.Instant;
import java.util.UUID;

/** One order transition, written to the outbox in the transaction that made it. */
public record OrderEvent(UUID eventId, EventType type, long orderId, Instant occurredAt, Order order) {
}
