package dev.orderclock.server.engine;

import dev.orderclock.deadline.DeadlineScheduler;
import dev.orderclock.order.Order;
import dev.orderclock.order.PaymentTimeoutSource;

/**
 * Tells the scheduler about payment deadlines the API just committed (embedded: the engine's wheel;
 * cluster: the RabbitMQ delay tiers). Both are hints that save work: the database row is the truth,
 * and the loader and sweeper find it either way.
 */
public final class PaymentDeadlines {

    private final DeadlineScheduler engine;
    private final PaymentTimeoutSource source;

    public PaymentDeadlines(DeadlineScheduler engine, PaymentTimeoutSource source) {
        this.engine = engine;
        this.source = source;
    }

    /** Call after the order's transaction committed. */
    public void created(Order order) {
        engine.schedule(source, order.id(), order.payDeadline());
    }

    /** Call after the order left {@code PENDING_PAYMENT} by another way than its deadline. */
    public void settled(Order order) {
        engine.cancel(source, order.id());
    }
}
