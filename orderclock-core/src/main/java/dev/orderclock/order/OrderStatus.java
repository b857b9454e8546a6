package dev.orderclock.order;

/** Where an order is in its life. Only {@link OrderTransition} moves it from one to the next. */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    SHIPPED,
    COMPLETED,
    CLOSED
}
