package dev.orderclock.order;

import java.time.Instant;
import java.util.UUID;

/** One outbox row as a backend reads it back: {@code type} is the wire name, {@code payload} what the format rendered. */
public record StoredEvent(UUID eventId, long orderId, String type, Instant occurredAt, String payload) {}
