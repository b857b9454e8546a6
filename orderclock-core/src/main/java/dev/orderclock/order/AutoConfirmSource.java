package dev.orderclock.order;

import dev.orderclock.deadline.Deadline;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.Fired;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * Shipped orders whose confirm deadline passed without the shopper confirming: firing one completes
 * it and writes {@code order.completed}, in one conditional update per batch
 * ({@link OrderTransition#AUTO_CONFIRM}). The same engine fires it as payment timeouts.
 */
public final class AutoConfirmSource implements DeadlineSource {

    private static final OrderTransition TRANSITION = OrderTransition.AUTO_CONFIRM;

    private final OrderStore orders;

    public AutoConfirmSource(OrderStore orders) {
        this.orders = orders;
    }

    @Override
    public String name() {
        return "auto-confirm";
    }

    @Override
    public List<Deadline> scan(Deadline after, Instant until, int limit) {
        return orders.deadlines(TRANSITION, after, until, limit);
    }

    @Override
    public List<Fired> fire(long[] ids, Instant now) {
        return fire(ids, InstantSource.fixed(now));
    }

    @Override
    public List<Fired> fire(long[] ids, InstantSource clock) {
        return fired(orders.applyDue(TRANSITION, ids, clock));
    }

    @Override
    public List<Fired> sweep(Instant cutoff, int limit, Instant now) {
        return sweep(cutoff, limit, InstantSource.fixed(now));
    }

    @Override
    public List<Fired> sweep(Instant cutoff, int limit, InstantSource clock) {
        return fired(orders.sweepDue(TRANSITION, cutoff, limit, clock));
    }

    private static List<Fired> fired(List<Order> completed) {
        return completed.stream()
                .map(o -> new Fired(o.id(), o.confirmDeadline(), o.completedAt()))
                .toList();
    }
}
