package dev.orderclock.order;

import dev.orderclock.deadline.Deadline;
import dev.orderclock.stock.InsufficientStockException;
import dev.orderclock.stock.UnknownSkuException;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where orders live. Every method is one transaction; every state change is one conditional update
 * that writes its stock effect and exactly one outbox event in the same transaction.
 */
public interface OrderStore {

    /**
     * Stores a new order: reserves the stock of every line (all or nothing, never overselling),
     * prices the lines from the products, writes {@code order.created}.
     *
     * @throws UnknownSkuException when a SKU does not exist (nothing is written)
     * @throws InsufficientStockException when a SKU lacks stock (nothing is written)
     * @throws DuplicateOrderIdException when the id is taken (retry with another id)
     */
    default Order create(NewOrder order) {
        return create(order, HoldingLimits.NONE);
    }

    /**
     * {@link #create(NewOrder)}, refused when the shopper would then hold more than {@code limits}
     * allow. The check and the insert are one transaction that the database serialises per shopper,
     * so concurrent orders of one shopper, on any node, never pass the limits together.
     *
     * @throws HoldingLimitExceededException when the shopper holds too much already (nothing is written)
     */
    Order create(NewOrder order, HoldingLimits limits);

    Optional<Order> find(long id);

    OrderPage list(OrderQuery query);

    /** Applies a transition to one order, whatever its deadline (user and operator actions). */
    TransitionResult apply(OrderTransition transition, long id, Instant now);

    /**
     * Applies a deadline transition to those of {@code ids} still in its source status whose
     * deadline is at or before {@code now}; the others are left alone. Returns the orders it changed.
     */
    List<Order> applyDue(OrderTransition transition, long[] ids, Instant now);

    /**
     * As {@link #applyDue(OrderTransition, long[], Instant)}, with {@code now} read from {@code clock}
     * inside the transaction, once the connection is had and just before the conditional update: the
     * time a deadline transition records is then that of its commit, less the commit itself.
     */
    default List<Order> applyDue(OrderTransition transition, long[] ids, InstantSource clock) {
        return applyDue(transition, ids, clock.instant());
    }

    /**
     * The sweeper's claim: applies a deadline transition to at most {@code limit} orders whose
     * deadline is before {@code cutoff}, skipping rows another transaction holds.
     */
    List<Order> sweepDue(OrderTransition transition, Instant cutoff, int limit, Instant now);

    /** As {@link #sweepDue(OrderTransition, Instant, int, Instant)}, with {@code now} read after the claim. */
    default List<Order> sweepDue(OrderTransition transition, Instant cutoff, int limit, InstantSource clock) {
        return sweepDue(transition, cutoff, limit, clock.instant());
    }

    /**
     * Closes for timeout those of {@code ids} still pending, due at the time read from {@code clock}
     * and without an open payment attempt; in the same transaction, claims those due with an open
     * attempt for a channel check until {@code now + checkClaim} (so that no sweeper hands them over
     * meanwhile) and answers them. {@code now} is read as in {@link #applyDue(OrderTransition, long[], InstantSource)}.
     * The default, for a store without check claims, reads the held orders in a second transaction.
     */
    default TimeoutBatch closeDueForTimeout(long[] ids, InstantSource clock, Duration checkClaim) {
        List<Order> closed = applyDue(OrderTransition.CLOSE_FOR_TIMEOUT, ids, clock);
        if (closed.size() >= ids.length) {
            return new TimeoutBatch(closed, new long[0]);
        }
        long[] closedIds = closed.stream().mapToLong(Order::id).sorted().toArray();
        long[] rest = Arrays.stream(ids)
                .filter(id -> Arrays.binarySearch(closedIds, id) < 0)
                .toArray();
        return new TimeoutBatch(closed, dueWithOpenAttempt(rest, clock.instant()));
    }

    /**
     * The sweeper's claim of unpaid orders: at most {@code limit} pending orders due before
     * {@code cutoff}, skipping rows another transaction holds, in one transaction: those without an
     * open attempt are closed, those with one whose check claim has passed (or was never made) are
     * claimed until {@code now + checkClaim} and answered, so that an order with a trade whose deadline
     * was lost is found within the same bound as one without. Orders claimed for a check meanwhile
     * are not claimed again, nor do they fill the batch. The default, for a store without check
     * claims, closes as {@link #sweepDue} and hands nothing over.
     */
    default TimeoutBatch sweepDueForTimeout(Instant cutoff, int limit, InstantSource clock, Duration checkClaim) {
        return new TimeoutBatch(sweepDue(OrderTransition.CLOSE_FOR_TIMEOUT, cutoff, limit, clock), new long[0]);
    }

    /**
     * Those of {@code ids} still pending, overdue at {@code now} and holding an open payment attempt:
     * the orders {@link OrderTransition#CLOSE_FOR_TIMEOUT} leaves alone until the channel has answered.
     */
    long[] dueWithOpenAttempt(long[] ids, Instant now);

    /**
     * Deadlines of orders in the transition's source status, after {@code after} in (deadline, id)
     * order and at or before {@code until}, at most {@code limit} of them, in that order: an indexed
     * range scan, never a full one.
     */
    List<Deadline> deadlines(OrderTransition transition, Deadline after, Instant until, int limit);

    Map<OrderStatus, Long> countByStatus();

    long countClosedFor(CloseReason reason);
}
