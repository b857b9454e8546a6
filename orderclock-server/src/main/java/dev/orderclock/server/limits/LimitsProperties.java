package dev.orderclock.server.limits;

import dev.orderclock.order.OrderBounds;
import dev.orderclock.settings.InvalidSettingException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code orderclock.limits.*}: how much one shopper may hold and how often a caller may ask, so that
 * no shopper can empty the shelf or spend the merchant's channel quota. The API's own bounds
 * (10,000 units a line, 7 days to pay) stay the validation of a request; these are the shop's policy
 * inside them.
 *
 * @param enabled                    {@code false} turns every limit off (benchmarks, tests about something else)
 * @param maxPendingOrdersPerShopper orders one shopper may hold unpaid at once (10)
 * @param maxPendingUnitsPerShopper  units those unpaid orders may reserve together (200)
 * @param maxUnitsPerLine            units of one SKU in one order (100)
 * @param maxPayTimeout              the longest time to pay an order may ask for (24 hours)
 * @param maxPaymentAttemptsPerOrder trades {@code /pay} may open for one order in all, switching channels
 *                                   included; the open attempt answered again is none (10). Each is a
 *                                   call to a real channel's API, under the merchant's quota.
 * @param rate                       requests per caller and minute
 */
@ConfigurationProperties("orderclock.limits")
public record LimitsProperties(
        @DefaultValue("true") boolean enabled,

        @DefaultValue("" + DEFAULT_MAX_PENDING_ORDERS_PER_SHOPPER)
        int maxPendingOrdersPerShopper,

        @DefaultValue("" + DEFAULT_MAX_PENDING_UNITS_PER_SHOPPER)
        long maxPendingUnitsPerShopper,

        @DefaultValue("" + DEFAULT_MAX_UNITS_PER_LINE) int maxUnitsPerLine,
        @DefaultValue(DEFAULT_MAX_PAY_TIMEOUT) Duration maxPayTimeout,

        @DefaultValue("" + DEFAULT_MAX_PAYMENT_ATTEMPTS_PER_ORDER)
        int maxPaymentAttemptsPerOrder,

        @DefaultValue Rate rate) {

    public static final int DEFAULT_MAX_PENDING_ORDERS_PER_SHOPPER = 10;
    public static final long DEFAULT_MAX_PENDING_UNITS_PER_SHOPPER = 200;
    public static final int DEFAULT_MAX_UNITS_PER_LINE = 100;
    public static final String DEFAULT_MAX_PAY_TIMEOUT = "24h";
    public static final int DEFAULT_MAX_PAYMENT_ATTEMPTS_PER_ORDER = 10;

    /** The name a problem document gives the attempt limit. */
    public static final String ATTEMPTS_LIMIT = "max-payment-attempts-per-order";

    public LimitsProperties {
        atLeastOne(ATTEMPTS_LIMIT, maxPaymentAttemptsPerOrder);
        atLeastOne("max-pending-orders-per-shopper", maxPendingOrdersPerShopper);
        atLeastOne("max-pending-units-per-shopper", maxPendingUnitsPerShopper);
        if (maxUnitsPerLine < 1 || maxUnitsPerLine > OrderBounds.MAX_QUANTITY) {
            throw InvalidSettingException.of(
                    "orderclock.limits.max-units-per-line",
                    "orderclock.limits.max-units-per-line "
                            + "must be from 1 to " + OrderBounds.MAX_QUANTITY + " (the API's own bound): it is "
                            + maxUnitsPerLine
                            + ".",
                    "Set orderclock.limits.max-units-per-line from 1 to " + OrderBounds.MAX_QUANTITY
                            + ", or remove it for the default (" + DEFAULT_MAX_UNITS_PER_LINE + ").");
        }
        OrderBounds.payTimeoutSetting("orderclock.limits.max-pay-timeout", maxPayTimeout, DEFAULT_MAX_PAY_TIMEOUT);
    }

    /**
     * {@code orderclock.limits.rate.*}: requests one caller may send a minute. Operators are not
     * counted (the shop itself, e.g. the dashboard's demo orders).
     *
     * @param ordersPerMinute {@code POST /api/orders} (30)
     * @param paysPerMinute   {@code POST /api/orders/{id}/pay}, each of which may open a trade at the channel (30)
     * @param callersHeld     callers whose counts are kept at once; the least recently seen are forgotten
     *                        beyond it, which bounds the memory (100,000)
     */
    public record Rate(
            @DefaultValue("" + DEFAULT_ORDERS_PER_MINUTE) int ordersPerMinute,
            @DefaultValue("" + DEFAULT_PAYS_PER_MINUTE) int paysPerMinute,
            @DefaultValue("" + DEFAULT_CALLERS_HELD) int callersHeld) {

        public static final int DEFAULT_ORDERS_PER_MINUTE = 30;
        public static final int DEFAULT_PAYS_PER_MINUTE = 30;
        public static final int DEFAULT_CALLERS_HELD = 100_000;

        public Rate {
            atLeastOne("rate.orders-per-minute", ordersPerMinute);
            atLeastOne("rate.pays-per-minute", paysPerMinute);
            atLeastOne("rate.callers-held", callersHeld);
        }
    }

    /** The attempt limit in force: none while the limits are off. */
    public int paymentAttemptsPerOrder() {
        return enabled ? maxPaymentAttemptsPerOrder : Integer.MAX_VALUE;
    }

    private static void atLeastOne(String name, long value) {
        if (value < 1) {
            String property = "orderclock.limits." + name;
            throw InvalidSettingException.of(
                    property,
                    property + " must be at least 1: it is " + value + ".",
                    "Set " + property + " to 1 or more, or remove it for its default.");
        }
    }
}
