package dev.orderclock.server.limits;

import dev.orderclock.order.HoldingLimits;
import dev.orderclock.order.PlaceOrder;
import dev.orderclock.settings.InvalidSettingException;

import java.time.Duration;
import java.util.List;

/**
 * The shop's limits on one order ({@link LimitsProperties}) as core's {@link PlaceOrder.Limits}, and the
 * names under which the API's problems report them ({@code limit}, with its value as {@code max}).
 */
public final class ShopLimits {

    public static final String MAX_PENDING_ORDERS = "max-pending-orders-per-shopper";
    public static final String MAX_PENDING_UNITS = "max-pending-units-per-shopper";
    public static final String MAX_UNITS_PER_LINE = "max-units-per-line";
    public static final String MAX_PAY_TIMEOUT = "max-pay-timeout";

    private final PlaceOrder.Limits limits;

    public ShopLimits(LimitsProperties settings) {
        this.limits = settings.enabled()
                ? new PlaceOrder.Limits(
                        settings.maxUnitsPerLine(),
                        settings.maxPayTimeout(),
                        new HoldingLimits(settings.maxPendingOrdersPerShopper(), settings.maxPendingUnitsPerShopper()))
                : PlaceOrder.Limits.NONE;
    }

    public PlaceOrder.Limits perOrder() {
        return limits;
    }

    /** The shop's default time to pay must itself be allowed, or every order without one would be refused. */
    public void checkDefaultPayTimeout(Duration payTimeout) {
        if (payTimeout.compareTo(limits.maxPayTimeout()) > 0) {
            throw new InvalidSettingException(
                    List.of("orderclock.pay-timeout", "orderclock.limits.max-pay-timeout"),
                    "orderclock.pay-timeout (" + payTimeout + ") is longer than orderclock.limits.max-pay-timeout ("
                            + limits.maxPayTimeout() + "): every order that does not ask for its own time to pay "
                            + "would be refused.",
                    "Set orderclock.pay-timeout to at most orderclock.limits.max-pay-timeout, "
                            + "or raise orderclock.limits.max-pay-timeout.");
        }
    }

    public static String name(PlaceOrder.ShopLimit limit) {
        return limit == PlaceOrder.ShopLimit.UNITS_PER_LINE ? MAX_UNITS_PER_LINE : MAX_PAY_TIMEOUT;
    }

    public static String name(HoldingLimits.Limit limit) {
        return limit == HoldingLimits.Limit.PENDING_ORDERS ? MAX_PENDING_ORDERS : MAX_PENDING_UNITS;
    }
}
