package dev.orderclock.server.order;

import dev.orderclock.order.CancelOrder;
import dev.orderclock.order.DeliverOrder;
import dev.orderclock.order.Order;
import dev.orderclock.order.OrderStatus;
import dev.orderclock.order.PlaceOrder;
import dev.orderclock.server.limits.ShopLimits;
import dev.orderclock.web.problem.ProblemException;
import dev.orderclock.web.problem.ProblemType;

/**
 * The one place where the order use cases' results become HTTP answers: the order to show, or a
 * {@link ProblemException} with the type, status and extension members docs/API.md names.
 */
final class OrderAnswers {

    private OrderAnswers() {}

    static Order placed(PlaceOrder.Result result) {
        if (result instanceof PlaceOrder.Result.Placed placed) {
            return placed.order();
        }
        if (result instanceof PlaceOrder.Result.SkuNamedTwice twice) {
            throw ProblemException.invalid("items name SKU " + twice.sku() + " more than once")
                    .with("sku", twice.sku());
        }
        if (result instanceof PlaceOrder.Result.UnknownSku unknown) {
            throw new ProblemException(ProblemType.UNKNOWN_SKU, "no product has SKU " + unknown.sku())
                    .with("sku", unknown.sku());
        }
        if (result instanceof PlaceOrder.Result.NotEnoughStock lacking) {
            throw new ProblemException(
                            ProblemType.NOT_ENOUGH_STOCK,
                            "not enough stock of " + lacking.sku() + "; nothing was reserved")
                    .with("sku", lacking.sku());
        }
        if (result instanceof PlaceOrder.Result.OverShopLimit over) {
            throw overShopLimit(over);
        }
        throw holdingLimitReached((PlaceOrder.Result.HoldingLimitReached) result);
    }

    static Order cancelled(CancelOrder.Result result, String id) {
        if (result instanceof CancelOrder.Result.Cancelled cancelled) {
            return cancelled.order();
        }
        if (result instanceof CancelOrder.Result.WrongStatus wrong) {
            throw wrongStatus(id, wrong.current().status(), OrderStatus.PENDING_PAYMENT, "cancelled");
        }
        if (result instanceof CancelOrder.Result.ChannelUndecided undecided) {
            throw new ProblemException(
                    ProblemType.UNAVAILABLE,
                    "order " + id + " has an open payment that the channel did not close: " + undecided.reason()
                            + "; try again");
        }
        throw VisibleOrders.notFound(id);
    }

    static Order shipped(DeliverOrder.Result result, String id) {
        return delivered(result, id, "shipped");
    }

    static Order confirmed(DeliverOrder.Result result, String id) {
        return delivered(result, id, "confirmed");
    }

    private static Order delivered(DeliverOrder.Result result, String id, String done) {
        if (result instanceof DeliverOrder.Result.Done delivered) {
            return delivered.order();
        }
        if (result instanceof DeliverOrder.Result.WrongStatus wrong) {
            throw wrongStatus(id, wrong.current().status(), wrong.required(), done);
        }
        throw VisibleOrders.notFound(id);
    }

    private static ProblemException wrongStatus(String id, OrderStatus status, OrderStatus required, String done) {
        return new ProblemException(
                        ProblemType.WRONG_ORDER_STATUS,
                        "order " + id + " is " + status + "; only a " + required + " order can be " + done)
                .with("orderStatus", status.name());
    }

    /** 422: the request is valid under the API and another shop could take it, but this one will not. */
    private static ProblemException overShopLimit(PlaceOrder.Result.OverShopLimit over) {
        String detail = over.limit() == PlaceOrder.ShopLimit.UNITS_PER_LINE
                ? "at most " + over.max() + " units of one SKU per order; " + over.sku() + " asks for " + over.asked()
                : "payTimeoutSeconds is at most " + over.max() + " in this shop; the order asks for " + over.asked();
        ProblemException problem = new ProblemException(ProblemType.OVER_SHOP_LIMIT, detail)
                .with("limit", ShopLimits.name(over.limit()))
                .with("max", over.max());
        return over.sku() == null ? problem : problem.with("sku", over.sku());
    }

    /** 409: it passes again once an order is paid, cancelled or closed. */
    private static ProblemException holdingLimitReached(PlaceOrder.Result.HoldingLimitReached holding) {
        String detail = holding.limit() == dev.orderclock.order.HoldingLimits.Limit.PENDING_ORDERS
                ? "the shopper already holds " + holding.max()
                        + " unpaid orders, the most allowed; pay or cancel one first"
                : "the shopper's unpaid orders would hold more than " + holding.max()
                        + " units; pay or cancel one first";
        return new ProblemException(ProblemType.HOLDING_LIMIT_REACHED, detail + "; nothing was reserved")
                .with("limit", ShopLimits.name(holding.limit()))
                .with("max", holding.max());
    }
}
