package dev.orderclock.order;

/**
 * Decides an overdue order that has an open payment attempt, which the closing batch leaves alone:
 * only the channel can say whether it was paid. Must return at once (the engine's firing thread).
 */
@FunctionalInterface
public interface OpenAttemptCheck {

    /** Leaves it in the database as it is. */
    OpenAttemptCheck NONE = orderId -> {};

    void check(long orderId);
}
