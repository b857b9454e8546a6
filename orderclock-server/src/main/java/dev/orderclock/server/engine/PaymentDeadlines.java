package dev.orderclock.server.engine;

import dev.orderclock.deadline.DeadlineInbox;
import dev.orderclock.order.Order;

/**
 * Tells the engine's wheel of payment timeouts, through its inbox, that a payment deadline no longer
 * needs firing. A hint that saves work: the database row is the truth. In cluster mode the wheel holds only
 * retries (the RabbitMQ delay tiers fire the rest, and a message for a paid order closes nothing). New
 * deadlines are scheduled by core's {@code PlaceOrder}.
 */
public final class PaymentDeadlines {

    private final DeadlineInbox inbox;

    public PaymentDeadlines(DeadlineInbox inbox) {
        this.inbox = inbox;
    }

    /** Call after the order left {@code PENDING_PAYMENT} by another way than its deadline. */
    public void settled(Order order) {
        inbox.cancel(order.id());
    }
}
