package dev.orderclock.server.order;

import dev.orderclock.order.Order;
import dev.orderclock.order.OrderId;
import dev.orderclock.order.OrderPage;
import dev.orderclock.order.OrderQuery;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.OrderStore;
import dev.orderclock.web.identity.Caller;
import dev.orderclock.web.problem.ProblemException;
import dev.orderclock.web.problem.ProblemType;

import org.springframework.stereotype.Component;

/**
 * Orders as a caller may see them: a shopper only its own, an operator all. Another shopper's order
 * is answered exactly like one that does not exist, so ids reveal nothing.
 */
@Component
public class VisibleOrders {

    private final OrderStore orders;

    public VisibleOrders(OrderStore orders) {
        this.orders = orders;
    }

    public Order find(Caller caller, String id) {
        return OrderId.parse(id).stream()
                .boxed()
                .flatMap(number -> orders.find(number).stream())
                .filter(caller::maySee)
                .findFirst()
                .orElseThrow(() -> notFound(id));
    }

    /** Also another shopper's order: ids reveal nothing. */
    public static ProblemException notFound(String id) {
        return new ProblemException(ProblemType.ORDER_NOT_FOUND, "no order " + id).with("orderId", id);
    }

    public OrderPage list(Caller caller, OrderStatus status, int limit, Long before) {
        if (limit < 1 || limit > OrderQuery.MAX_LIMIT) {
            throw ProblemException.invalid("limit must be from 1 to " + OrderQuery.MAX_LIMIT);
        }
        return orders.list(new OrderQuery(caller.listedUser(), status, limit, before));
    }
}
