package dev.orderclock.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as stored. Immutable: a state change is an {@link OrderTransition} applied by the
 * {@link OrderStore} as one conditional update, which hands back the order as it now is.
 */
public record Order(
        long id,
        String userId,
        OrderStatus status,
        CloseReason closeReason,
        BigDecimal amount,
        String currency,
        List<OrderLine> lines,
        Instant createdAt,
        Instant payDeadline,
        Instant paidAt,
        Instant closedAt,
        Instant shippedAt,
        Instant confirmDeadline,
        Instant completedAt) {

    public Order {
        lines = List.copyOf(lines);
    }

    /** An order as just placed: waiting for payment, none of the later instants set yet. */
    public static Order pending(
            long id,
            String userId,
            BigDecimal amount,
            String currency,
            List<OrderLine> lines,
            Instant createdAt,
            Instant payDeadline) {
        return new Order(
                id,
                userId,
                OrderStatus.PENDING_PAYMENT,
                null,
                amount,
                currency,
                lines,
                createdAt,
                payDeadline,
                null,
                null,
                null,
                null,
                null);
    }

    public String displayId() {
        return OrderId.format(id);
    }

    public boolean isOwnedBy(String user) {
        return userId.equals(user);
    }
}
