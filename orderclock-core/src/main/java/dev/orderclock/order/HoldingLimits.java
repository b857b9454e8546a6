package dev.orderclock.order;

/**
 * How much one shopper may hold at once in orders still waiting for payment: a shelf no single
 * shopper can empty. {@link #NONE} holds nobody back.
 *
 * @param maxPendingOrders orders in {@link OrderStatus#PENDING_PAYMENT} per shopper, the new one included
 * @param maxPendingUnits  units reserved by those orders, the new one's included
 */
public record HoldingLimits(int maxPendingOrders, long maxPendingUnits) {

    /** No limit: the store neither locks nor counts anything for the shopper. */
    public static final HoldingLimits NONE = new HoldingLimits(Integer.MAX_VALUE, Long.MAX_VALUE);

    /** Which of the two limits a refused order would have passed. */
    public enum Limit {
        PENDING_ORDERS,
        PENDING_UNITS
    }

    public HoldingLimits {
        if (maxPendingOrders < 1 || maxPendingUnits < 1) {
            throw new IllegalArgumentException("holding limits must be at least 1: " + maxPendingOrders + " orders, "
                    + maxPendingUnits + " units");
        }
    }

    public boolean isNone() {
        return maxPendingOrders == Integer.MAX_VALUE && maxPendingUnits == Long.MAX_VALUE;
    }

    /**
     * The limit an order of {@code units} would pass for a shopper who already holds
     * {@code heldOrders} orders of {@code heldUnits} units, or null when it fits.
     */
    public Limit passedBy(long heldOrders, long heldUnits, long units) {
        if (heldOrders >= maxPendingOrders) {
            return Limit.PENDING_ORDERS;
        }
        if (heldUnits + units > maxPendingUnits) {
            return Limit.PENDING_UNITS;
        }
        return null;
    }

    public long valueOf(Limit limit) {
        return limit == Limit.PENDING_ORDERS ? maxPendingOrders : maxPendingUnits;
    }
}
