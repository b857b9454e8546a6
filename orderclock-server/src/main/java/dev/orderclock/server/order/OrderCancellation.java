package dev.orderclock.server.order;

import dev.orderclock.order.Order;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.OrderStore;
import dev.orderclock.order.OrderTransition;
import dev.orderclock.order.TransitionResult;
import dev.orderclock.payment.CancelWithOpenAttempt;
import dev.orderclock.payment.ChannelException;
import dev.orderclock.server.engine.PaymentDeadlines;
import dev.orderclock.server.problem.ProblemException;
import dev.orderclock.server.problem.ProblemType;
import dev.orderclock.server.stats.CloseRecorder;

import org.springframework.stereotype.Component;

import java.time.InstantSource;
import java.util.Optional;

/**
 * A shopper gives up an unpaid order: one conditional update closes it ({@code USER_CANCELLED}) and
 * returns its stock, or changes nothing because the order already left {@code PENDING_PAYMENT}
 * (paid, or closed by its deadline a moment earlier). An order with an open payment attempt is
 * cancelled through it: the channel closes the trade first.
 */
@Component
public class OrderCancellation {

    private final OrderStore orders;
    private final PaymentDeadlines deadlines;
    private final CloseRecorder closes;
    private final InstantSource clock;
    private final CancelWithOpenAttempt openAttempts;

    public OrderCancellation(OrderStore orders, PaymentDeadlines deadlines, CloseRecorder closes, InstantSource clock,
                             CancelWithOpenAttempt openAttempts) {
        this.openAttempts = openAttempts;
        this.orders = orders;
        this.deadlines = deadlines;
        this.closes = closes;
        this.clock = clock;
    }

    /** @param order an order the caller may see (see {@link VisibleOrders}) */
    public Order cancel(Order order) {
        TransitionResult result = orders.apply(OrderTransition.CANCEL, order.id(), clock.instant());
        if (result instanceof TransitionResult.WrongStatus wrong
                && wrong.current().status() == OrderStatus.PENDING_PAYMENT) {
            // Still pending but not cancelled: a payment attempt is open, and the channel must close it first.
            result = throughOpenAttempt(order).orElse(result);
        }
        if (result instanceof TransitionResult.Applied applied) {
            deadlines.settled(applied.order());
            closes.cancelled();
            return applied.order();
        }
        if (result instanceof TransitionResult.WrongStatus wrong) {
            OrderStatus status = wrong.current().status();
            throw new ProblemException(ProblemType.WRONG_ORDER_STATUS, "order " + order.displayId() + " is " + status
                    + "; only a " + OrderStatus.PENDING_PAYMENT + " order can be cancelled").with("orderStatus", status.name());
        }
        throw VisibleOrders.notFound(order.displayId());
    }

    private Optional<TransitionResult> throughOpenAttempt(Order order) {
        try {
            return openAttempts.cancel(order.id());
        } catch (ChannelException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "order " + order.displayId()
                    + " has an open payment that the channel did not close: " + e.getMessage() + "; try again");
        }
    }
}
