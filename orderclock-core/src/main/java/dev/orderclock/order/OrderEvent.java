package dev.orderclock.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One order transition, written to the outbox in the transaction that made it, with the order as
 * the transition left it and, for {@code order.refunded}, the refund it carried out.
 */
public record OrderEvent(UUID eventId, EventType type, long orderId, Instant occurredAt, Order order, Refund refund) {

    /** Money given back for an order: how much, through which trade, and where it stands. */
    public record Refund(String status, BigDecimal amount, String tradeNo) {}

    /** An event of an order with no refund to show. */
    public OrderEvent(UUID eventId, EventType type, long orderId, Instant occurredAt, Order order) {
        this(eventId, type, orderId, occurredAt, order, null);
    }
}
