package dev.orderclock.order;

import dev.orderclock.deadline.DeadlineScheduler;

import java.time.InstantSource;
import java.util.function.Consumer;

/**
 * A shopper gives up an unpaid order: one conditional update closes it ({@code USER_CANCELLED}) and
 * returns its stock, or changes nothing because the order already left {@code PENDING_PAYMENT}
 * (paid, or closed by its deadline a moment earlier). An order with an open payment attempt is
 * cancelled through it: the channel closes the trade first.
 */
public final class CancelOrder {

    /** What {@link #cancel} did. */
    public sealed interface Result {

        record Cancelled(Order order) implements Result {}

        /** The order is no longer {@code PENDING_PAYMENT}; nothing changed. */
        record WrongStatus(Order current) implements Result {}

        record NotFound(long orderId) implements Result {}

        /** The order has an open payment the channel did not close; nothing changed, try again. */
        record ChannelUndecided(Order current, String reason) implements Result {}
    }

    private final OrderStore orders;
    private final OpenAttemptCancellation openAttempts;
    private final DeadlineScheduler scheduler;
    private final PaymentTimeoutSource payments;
    private final InstantSource clock;
    private final Consumer<Order> cancelled;

    /** @param cancelled told of each cancelled order after its transaction committed (metrics) */
    public CancelOrder(
            OrderStore orders,
            OpenAttemptCancellation openAttempts,
            DeadlineScheduler scheduler,
            PaymentTimeoutSource payments,
            InstantSource clock,
            Consumer<Order> cancelled) {
        this.orders = orders;
        this.openAttempts = openAttempts;
        this.scheduler = scheduler;
        this.payments = payments;
        this.clock = clock;
        this.cancelled = cancelled;
    }

    public Result cancel(Order order) {
        TransitionResult result = orders.apply(OrderTransition.CANCEL, order.id(), clock.instant());
        if (result instanceof TransitionResult.WrongStatus wrong
                && wrong.current().status() == OrderStatus.PENDING_PAYMENT) {
            // Still pending but not cancelled: a payment attempt is open, and the channel must close it first.
            try {
                result = openAttempts.cancel(order.id()).orElse(result);
            } catch (OpenAttemptCancellation.Undecided e) {
                return new Result.ChannelUndecided(wrong.current(), e.getMessage());
            }
        }
        if (result instanceof TransitionResult.Applied applied) {
            scheduler.cancel(payments, applied.order().id());
            cancelled.accept(applied.order());
            return new Result.Cancelled(applied.order());
        }
        if (result instanceof TransitionResult.WrongStatus wrong) {
            return new Result.WrongStatus(wrong.current());
        }
        return new Result.NotFound(((TransitionResult.NotFound) result).orderId());
    }
}
