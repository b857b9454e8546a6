package dev.orderclock.order;

import dev.orderclock.deadline.Deadline;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.Fired;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;

/**
 * Unpaid orders whose payment deadline passed: firing one closes it with
 * {@link CloseReason#PAYMENT_TIMEOUT}, returns its stock and writes {@code order.closed}, in one
 * conditional update per batch ({@link OrderTransition#CLOSE_FOR_TIMEOUT}). An order with an open
 * payment attempt is not closed in the batch: it goes to the {@link OpenAttemptCheck}, which asks
 * the channel first.
 */
public final class PaymentTimeoutSource implements DeadlineSource {

    private static final OrderTransition TRANSITION = OrderTransition.CLOSE_FOR_TIMEOUT;

    private final OrderStore orders;
    private final OpenAttemptCheck openAttempts;

    public PaymentTimeoutSource(OrderStore orders) {
        this(orders, OpenAttemptCheck.NONE);
    }

    public PaymentTimeoutSource(OrderStore orders, OpenAttemptCheck openAttempts) {
        this.orders = orders;
        this.openAttempts = openAttempts;
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
        return fire(ids, InstantSource.fixed(now));
    }

    /** {@code closed_at} is read from {@code clock} inside the closing transaction, just before the update. */
    @Override
    public List<Fired> fire(long[] ids, InstantSource clock) {
        List<Order> closed = orders.applyDue(TRANSITION, ids, clock);
        if (closed.size() < ids.length) {
            handOverOpenAttempts(ids, closed, clock.instant());
        }
        return fired(closed);
    }

    /**
     * The sweeper closes only orders without an open attempt; those with one are found again by the
     * horizon load after a restart and by reconciliation, never closed here without the channel.
     */
    @Override
    public List<Fired> sweep(Instant cutoff, int limit, Instant now) {
        return sweep(cutoff, limit, InstantSource.fixed(now));
    }

    @Override
    public List<Fired> sweep(Instant cutoff, int limit, InstantSource clock) {
        return fired(orders.sweepDue(TRANSITION, cutoff, limit, clock));
    }

    private void handOverOpenAttempts(long[] ids, List<Order> closed, Instant now) {
        long[] closedIds = closed.stream().mapToLong(Order::id).sorted().toArray();
        long[] rest = Arrays.stream(ids).filter(id -> Arrays.binarySearch(closedIds, id) < 0).toArray();
        for (long id : orders.dueWithOpenAttempt(rest, now)) {
            openAttempts.check(id);
        }
    }

    private static List<Fired> fired(List<Order> closed) {
        return closed.stream().map(o -> new Fired(o.id(), o.payDeadline(), o.closedAt())).toList();
    }
}
