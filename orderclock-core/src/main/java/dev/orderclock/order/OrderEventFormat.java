package dev.orderclock.order;

/**
 * Renders an event as the body consumers receive (docs/API.md, Events). The store calls it inside the
 * transaction that writes the event, so the outbox keeps the order as it was at that moment.
 */
@FunctionalInterface
public interface OrderEventFormat {

    String render(OrderEvent event);
}
