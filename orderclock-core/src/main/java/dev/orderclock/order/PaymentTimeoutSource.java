package dev.orderclock.order;

import dev.orderclock.deadline.Deadline;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.Fired;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Unpaid orders whose payment deadline passed: firing one closes it with
 * {@link CloseReason#PAYMENT_TIMEOUT}, returns its stock and writes {@code order.closed}, in one
 * conditional update per batch ({@link OrderTransition#CLOSE_FOR_TIMEOUT}). An order with an open
 * payment attempt is not closed in the batch: the same transaction claims it for a channel check
 * and it goes to the {@link OpenAttemptCheck}, which asks the channel first.
 *
 * <p>The sweeper hands such orders over too, so a deadline lost with a killed node or a broker
 * outage is found within grace plus the sweep interval whether or not the order has a trade. A
 * claimed order is not handed over again by any node's sweeper until its check claim has passed
 * ({@link #DEFAULT_CHECK_CLAIM}): a check in flight is not started twice, and a check lost with its
 * node is taken up by another once the claim runs out.
 */
public final class PaymentTimeoutSource implements DeadlineSource {

    /**
     * How long a hand-over keeps the sweepers off the order: longer than a check takes (three channel
     * calls within their timeouts), short enough that a check lost with a killed node is taken up
     * again within this plus a sweep interval.
     */
    public static final Duration DEFAULT_CHECK_CLAIM = Duration.ofSeconds(10);

    private final OrderStore orders;
    private final OpenAttemptCheck openAttempts;
    private final Duration checkClaim;

    public PaymentTimeoutSource(OrderStore orders) {
        this(orders, OpenAttemptCheck.NONE);
    }

    public PaymentTimeoutSource(OrderStore orders, OpenAttemptCheck openAttempts) {
        this(orders, openAttempts, DEFAULT_CHECK_CLAIM);
    }

    public PaymentTimeoutSource(OrderStore orders, OpenAttemptCheck openAttempts, Duration checkClaim) {
        if (checkClaim.isNegative() || checkClaim.isZero()) {
            throw new IllegalArgumentException("the check claim must be positive: " + checkClaim);
        }
        this.orders = orders;
        this.openAttempts = openAttempts;
        this.checkClaim = checkClaim;
    }

    @Override
    public String name() {
        return "payment-timeout";
    }

    @Override
    public List<Deadline> scan(Deadline after, Instant until, int limit) {
        return orders.deadlines(OrderTransition.CLOSE_FOR_TIMEOUT, after, until, limit);
    }

    @Override
    public List<Fired> fire(long[] ids, Instant now) {
        return fire(ids, InstantSource.fixed(now));
    }

    /**
     * {@code closed_at} is read from {@code clock} inside the closing transaction, just before the
     * update; the orders held by an open attempt are read (and claimed) in that same transaction.
     */
    @Override
    public List<Fired> fire(long[] ids, InstantSource clock) {
        if (ids.length == 0) {
            return List.of();
        }
        TimeoutBatch batch = orders.closeDueForTimeout(ids, clock, checkClaim);
        handOver(batch.heldByAttempt());
        return fired(batch.closed());
    }

    @Override
    public List<Fired> sweep(Instant cutoff, int limit, Instant now) {
        return sweep(cutoff, limit, InstantSource.fixed(now));
    }

    /**
     * Closes up to {@code limit} overdue orders without an open attempt and hands those with one to the
     * check. Claims go on while they come back full and have closed fewer than {@code limit}: orders
     * handed over are not "fired", and must not make the sweeper believe the backlog is gone.
     */
    @Override
    public List<Fired> sweep(Instant cutoff, int limit, InstantSource clock) {
        List<Fired> fired = new ArrayList<>();
        while (fired.size() < limit) {
            int want = limit - fired.size();
            TimeoutBatch batch = orders.sweepDueForTimeout(cutoff, want, clock, checkClaim);
            fired.addAll(fired(batch.closed()));
            handOver(batch.heldByAttempt());
            // Held orders are claimed until their check claim passes, so a full claim always makes
            // progress and the loop ends with the overdue rows.
            if (batch.size() < want) {
                break;
            }
        }
        return fired;
    }

    private void handOver(long[] held) {
        for (long id : held) {
            openAttempts.check(id);
        }
    }

    private static List<Fired> fired(List<Order> closed) {
        return closed.stream()
                .map(o -> new Fired(o.id(), o.payDeadline(), o.closedAt()))
                .toList();
    }
}
