package dev.orderclock.payment;

import dev.orderclock.order.Order;

/** What the payment flows tell the outside after their transaction committed (deadlines, metrics). */
public interface PaymentOutcomes {

    PaymentOutcomes NONE = new PaymentOutcomes() {};

    /** An order became {@code PAID}. */
    default void paid(Order order) {}

    /** An order with an open attempt was closed for timeout after the channel closed its trade. */
    default void closedForTimeout(Order order) {}

    /** Money that reached a closed order went back. */
    default void refunded(Order order) {}
}
