package dev.orderclock.order;

/**
 * A new order refused because its shopper already holds as much as {@link HoldingLimits} allows;
 * nothing was written.
 */
public final class HoldingLimitExceededException extends RuntimeException {

    private final String userId;
    private final HoldingLimits.Limit limit;
    private final long value;

    public HoldingLimitExceededException(String userId, HoldingLimits.Limit limit, long value) {
        super("shopper " + userId + " would hold more than " + value
                + (limit == HoldingLimits.Limit.PENDING_ORDERS ? " pending orders" : " units in pending orders"));
        this.userId = userId;
        this.limit = limit;
        this.value = value;
    }

    public String userId() {
        return userId;
    }

    public HoldingLimits.Limit limit() {
        return limit;
    }

    /** The limit's configured value. */
    public long value() {
        return value;
    }
}
