package dev.orderclock.order;

import dev.orderclock.deadline.DeadlineScheduler;

import java.time.InstantSource;

/**
 * After payment: the operator ships (the confirm deadline starts and joins the scheduler), the shopper
 * confirms receipt, or the deadline completes the order by itself ({@link AutoConfirmSource}). Each is
 * one conditional update.
 */
public final class DeliverOrder {

    /** What {@link #ship} or {@link #confirm} did. */
    public sealed interface Result {

        /** The order is now {@code SHIPPED} or {@code COMPLETED}. */
        record Done(Order order) implements Result {}

        /** The order was not in {@code required}; nothing changed. */
        record WrongStatus(Order current, OrderStatus required) implements Result {}

        record NotFound(long orderId) implements Result {}
    }

    private final OrderStore orders;
    private final DeadlineScheduler scheduler;
    private final AutoConfirmSource autoConfirm;
    private final InstantSource clock;

    /** @param scheduler the engine's wheel, or in cluster mode the delay tiers */
    public DeliverOrder(
            OrderStore orders, DeadlineScheduler scheduler, AutoConfirmSource autoConfirm, InstantSource clock) {
        this.orders = orders;
        this.scheduler = scheduler;
        this.autoConfirm = autoConfirm;
        this.clock = clock;
    }

    public Result ship(long orderId) {
        Result result = apply(OrderTransition.SHIP, orderId);
        if (result instanceof Result.Done done) {
            scheduler.schedule(autoConfirm, done.order().id(), done.order().confirmDeadline());
        }
        return result;
    }

    public Result confirm(long orderId) {
        Result result = apply(OrderTransition.CONFIRM, orderId);
        if (result instanceof Result.Done done) {
            scheduler.cancel(autoConfirm, done.order().id());
        }
        return result;
    }

    private Result apply(OrderTransition transition, long orderId) {
        TransitionResult result = orders.apply(transition, orderId, clock.instant());
        if (result instanceof TransitionResult.Applied applied) {
            return new Result.Done(applied.order());
        }
        if (result instanceof TransitionResult.WrongStatus wrong) {
            return new Result.WrongStatus(wrong.current(), transition.from());
        }
        return new Result.NotFound(((TransitionResult.NotFound) result).orderId());
    }
}
