package dev.orderclock.order;

/**
 * The event format of the contract suites: {@code <type> <order id> <status>}, enough to prove the
 * store rendered each event from the order as the transition left it.
 */
public final class PlainEventFormat implements OrderEventFormat {

    @Override
    public String render(OrderEvent event) {
        return expected(event.type(), event.order());
    }

    /** What the outbox must hold for this event of this order. */
    public static String expected(EventType type, Order order) {
        return type.wireName() + " " + order.displayId() + " " + order.status();
    }
}
