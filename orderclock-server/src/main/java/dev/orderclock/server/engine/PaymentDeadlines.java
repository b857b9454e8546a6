package dev.orderclock.server.engine;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.order.Order;
import dev.orderclock.order.PaymentTimeoutSource;

/**
 * Tells the engine about payment deadlines the API just committed: a new order's joins the wheel if
 * it falls within the loaded horizon; a cancelled order's leaves it. Both are hints that save work:
 * the database row is the truth, and the loader and sweeper find it either way.
 */
public final class PaymentDeadlines {

    private final DeadlineEngine engine;
    private final PaymentTimeoutSource source;

    public PaymentDeadlines(DeadlineEngine engine, PaymentTimeoutSource source) {
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
