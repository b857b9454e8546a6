package dev.orderclock.server.order;

import java.util.Optional;

/** The refund of an order's money, if any reached it after it was closed (implemented by the payment feature). */
@FunctionalInterface
public interface OrderRefunds {

    Optional<OrderView.RefundView> of(long orderId);
}
