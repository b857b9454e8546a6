package dev.orderclock.order;

/**
 * A page of orders, newest first. {@code userId} null means every user (operators);
 * {@code status} null means any; {@code before} is the cursor returned by the previous page, or null.
 */
public record OrderQuery(String userId, OrderStatus status, int limit, Long before) {

    public static final int MAX_LIMIT = 500;

    public OrderQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ": " + limit);
        }
    }
}
