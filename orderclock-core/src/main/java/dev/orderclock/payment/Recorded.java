package dev.orderclock.payment;

import dev.orderclock.order.Order;

/** What recording a payment the channel reported did, in one transaction. */
public sealed interface Recorded {

    /** The order was pending: it is now {@code PAID} and {@code order.paid} is written. */
    record Paid(Order order) implements Recorded {}

    /** The order had left pending (closed, or paid through another attempt): the money is due back. */
    record RefundDue(PaymentAttempt attempt) implements Recorded {}

    /** This payment was recorded before: nothing changed. */
    record AlreadyRecorded(PaymentAttempt attempt) implements Recorded {}

    /** No attempt has this trade number: nothing changed. */
    record UnknownTrade(String tradeNo) implements Recorded {}

    /** The channel states another amount than the attempt's: nothing changed. */
    record AmountMismatch(PaymentAttempt attempt) implements Recorded {}
}
