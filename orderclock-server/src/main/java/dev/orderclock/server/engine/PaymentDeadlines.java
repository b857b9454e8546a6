package dev.orderclock.server.engine;

import dev.orderclock.deadline.DeadlineScheduler;
import dev.orderclock.order.Order;
import dev.orderclock.order.PaymentTimeoutSource;

/**
 * Tells the scheduler (embedded: the engine's wheel; cluster: the RabbitMQ delay tiers) that a payment
 * deadline no longer needs firing. A hint that saves work: the database row is the truth. New deadlines
 * are scheduled by core's {@code PlaceOrder}.
 */
public final class PaymentDeadlines {

    private final DeadlineScheduler engine;
    private final PaymentTimeoutSource source;

    public PaymentDeadlines(DeadlineScheduler engine, PaymentTimeoutSource source) {
        this.engine = engine;
        this.source = source;
    }

    /** Call after the order left {@code PENDING_PAYMENT} by another way than its deadline. */
    public void settled(Order order) {
        engine.cancel(source, order.id());
    }
}
