package dev.orderclock.order;

/** Why a {@link OrderStatus#CLOSED} order was closed. */
public enum CloseReason {
    PAYMENT_TIMEOUT,
    USER_CANCELLED
}
