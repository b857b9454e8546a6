package dev.orderclock.server.order;

import java.util.Map;
import java.util.Optional;

/** The refund of an order's money, if any reached it after it was closed (implemented by the payment feature). */
@FunctionalInterface
public interface OrderRefunds {

    /** The refunds of those of {@code orderIds} that have one, by order id: one lookup for a whole page. */
    Map<Long, OrderView.RefundView> of(long[] orderIds);

    default Optional<OrderView.RefundView> of(long orderId) {
        return Optional.ofNullable(of(new long[] {orderId}).get(orderId));
    }
}
