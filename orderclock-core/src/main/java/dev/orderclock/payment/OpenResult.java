package dev.orderclock.payment;

import dev.orderclock.order.Order;

/** The outcome of opening an attempt on an order: one conditional update on the order row. */
public sealed interface OpenResult {

    /** A new attempt, not yet opened at the channel. */
    record Opened(PaymentAttempt attempt) implements OpenResult {}

    /** The order already has an open attempt: this one. */
    record AlreadyOpen(PaymentAttempt attempt) implements OpenResult {}

    /** The order is not pending, or its deadline has passed: nothing was opened. */
    record Refused(Order current) implements OpenResult {}

    /** The order has had {@code limit} attempts already: nothing was opened. */
    record LimitReached(Order current, int limit) implements OpenResult {}

    record NotFound(long orderId) implements OpenResult {}
}
