package dev.orderclock.order;

/** The kinds of order event, with their wire names (also the routing keys in cluster mode). */
public enum EventType {
    ORDER_CREATED("order.created"),
    ORDER_PAID("order.paid"),
    ORDER_CLOSED("order.closed"),
    ORDER_REFUNDED("order.refunded"),
    ORDER_SHIPPED("order.shipped"),
    ORDER_COMPLETED("order.completed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
