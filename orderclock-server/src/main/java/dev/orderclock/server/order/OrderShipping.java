package dev.orderclock.server.order;

import dev.orderclock.deadline.DeadlineScheduler;
import dev.orderclock.order.AutoConfirmSource;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.OrderStore;
import dev.orderclock.order.OrderTransition;
import dev.orderclock.order.TransitionResult;
import dev.orderclock.server.problem.ProblemException;
import dev.orderclock.server.problem.ProblemType;

import org.springframework.stereotype.Component;

import java.time.InstantSource;

/**
 * After payment: the operator ships (the confirm deadline starts and joins the engine), the shopper
 * confirms receipt, or the deadline completes the order by itself ({@link AutoConfirmSource}).
 * Each is one conditional update; a wrong status is a 409.
 */
@Component
public class OrderShipping {

    private final OrderStore orders;
    private final DeadlineScheduler engine;
    private final AutoConfirmSource autoConfirm;
    private final InstantSource clock;

    /** @param engine the engine's wheel, or in cluster mode the {@code @Primary} delay tiers */
    public OrderShipping(OrderStore orders, DeadlineScheduler engine, AutoConfirmSource autoConfirm, InstantSource clock) {
        this.orders = orders;
        this.engine = engine;
        this.autoConfirm = autoConfirm;
        this.clock = clock;
    }

    public Order ship(Order order) {
        Order shipped = applied(OrderTransition.SHIP, order);
        engine.schedule(autoConfirm, shipped.id(), shipped.confirmDeadline());
        return shipped;
    }

    public Order confirm(Order order) {
        Order completed = applied(OrderTransition.CONFIRM, order);
        engine.cancel(autoConfirm, completed.id());
        return completed;
    }

    private Order applied(OrderTransition transition, Order order) {
        TransitionResult result = orders.apply(transition, order.id(), clock.instant());
        if (result instanceof TransitionResult.Applied applied) {
            return applied.order();
        }
        if (result instanceof TransitionResult.WrongStatus wrong) {
            OrderStatus status = wrong.current().status();
            throw new ProblemException(ProblemType.WRONG_ORDER_STATUS, "order " + order.displayId() + " is " + status
                    + "; only a " + transition.from() + " order can be " + (transition == OrderTransition.SHIP
                    ? "shipped" : "confirmed")).with("orderStatus", status.name());
        }
        throw VisibleOrders.notFound(order.displayId());
    }
}
