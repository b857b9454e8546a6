package dev.orderclock.server.limits;

import dev.orderclock.order.HoldingLimitExceededException;
import dev.orderclock.order.HoldingLimits;
import dev.orderclock.server.problem.ProblemException;
import dev.orderclock.server.problem.ProblemType;
import dev.orderclock.settings.InvalidSettingException;

import java.time.Duration;
import java.util.List;

/**
 * The shop's limits on one order, as refusals: a line or a time to pay beyond them is 422 (the
 * request is valid under the API and another shop could take it, but this one will not), and a
 * shopper who holds too much is 409 (it passes again once an order is paid, cancelled or closed).
 * Each problem names the limit ({@code limit}) and its value ({@code max}).
 */
public final class ShopLimits {

    public static final String MAX_PENDING_ORDERS = "max-pending-orders-per-shopper";
    public static final String MAX_PENDING_UNITS = "max-pending-units-per-shopper";
    public static final String MAX_UNITS_PER_LINE = "max-units-per-line";
    public static final String MAX_PAY_TIMEOUT = "max-pay-timeout";

    private final LimitsProperties settings;
    private final HoldingLimits holding;

    public ShopLimits(LimitsProperties settings) {
        this.settings = settings;
        this.holding = settings.enabled()
                ? new HoldingLimits(settings.maxPendingOrdersPerShopper(), settings.maxPendingUnitsPerShopper())
                : HoldingLimits.NONE;
    }

    /** What the store checks per shopper in the order's own transaction. */
    public HoldingLimits holding() {
        return holding;
    }

    public void checkLine(String sku, int quantity) {
        if (settings.enabled() && quantity > settings.maxUnitsPerLine()) {
            throw over(MAX_UNITS_PER_LINE, settings.maxUnitsPerLine(),
                    "at most " + settings.maxUnitsPerLine() + " units of one SKU per order; " + sku + " asks for "
                            + quantity).with("sku", sku);
        }
    }

    public void checkPayTimeout(Duration timeout) {
        if (settings.enabled() && timeout.compareTo(settings.maxPayTimeout()) > 0) {
            long max = settings.maxPayTimeout().getSeconds();
            throw over(MAX_PAY_TIMEOUT, max, "payTimeoutSeconds is at most " + max + " in this shop; the order asks for "
                    + timeout.getSeconds());
        }
    }

    /** The shop's default time to pay must itself be allowed, or every order without one would be refused. */
    public void checkDefaultPayTimeout(Duration payTimeout) {
        if (settings.enabled() && payTimeout.compareTo(settings.maxPayTimeout()) > 0) {
            throw new InvalidSettingException(List.of("orderclock.pay-timeout", "orderclock.limits.max-pay-timeout"),
                    "orderclock.pay-timeout (" + payTimeout + ") is longer than orderclock.limits.max-pay-timeout ("
                            + settings.maxPayTimeout() + "): every order that does not ask for its own time to pay "
                            + "would be refused.", "Set orderclock.pay-timeout to at most orderclock.limits.max-pay-timeout, "
                            + "or raise orderclock.limits.max-pay-timeout.");
        }
    }

    public ProblemException refusal(HoldingLimitExceededException e) {
        boolean orders = e.limit() == HoldingLimits.Limit.PENDING_ORDERS;
        String detail = orders
                ? "the shopper already holds " + e.value() + " unpaid orders, the most allowed; pay or cancel one first"
                : "the shopper's unpaid orders would hold more than " + e.value() + " units; pay or cancel one first";
        return new ProblemException(ProblemType.HOLDING_LIMIT_REACHED, detail + "; nothing was reserved")
                .with("limit", orders ? MAX_PENDING_ORDERS : MAX_PENDING_UNITS)
                .with("max", e.value());
    }

    private static ProblemException over(String limit, long max, String detail) {
        return new ProblemException(ProblemType.OVER_SHOP_LIMIT, detail).with("limit", limit).with("max", max);
    }
}
