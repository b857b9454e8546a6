package dev.orderclock.order;

import dev.orderclock.deadline.Deadline;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.Fired;

import java.time.Instant;
import java.util.List;

/**
 * Unpaid orders whose payment deadline passed: firing one closes it with
 * {@link CloseReason#PAYMENT_TIMEOUT}, returns its stock and writes {@code order.closed}, in one
 * conditional update per batch ({@link OrderTransition#CLOSE_FOR_TIMEOUT}).
 */
public final class PaymentTimeoutSource implements DeadlineSource {

    private static final OrderTransition TRANSITION = OrderTransition.CLOSE_FOR_TIMEOUT;

    private final OrderStore orders;

    public PaymentTimeoutSource(OrderStore orders) {
        this.orders = orders;
    }

    @Override
    public String name() {
        return "payment-timeout";
    }

    @Override
    public List<Deadline> scan(Deadline after, Instant until, int limit) {
        return orders.deadlines(TRANSITION, after, until, limit);
    }

    @Override
    public List<Fired> fire(long[] ids, Instant now) {
        return fired(orders.applyDue(TRANSITION, ids, now));
    }

    @Override
    public List<Fired> sweep(Instant cutoff, int limit, Instant now) {
        return fired(orders.sweepDue(TRANSITION, cutoff, limit, now));
    }

    private static List<Fired> fired(List<Order> closed) {
        return closed.stream().map(o -> new Fired(o.id(), o.payDeadline(), o.closedAt())).toList();
    }
}
