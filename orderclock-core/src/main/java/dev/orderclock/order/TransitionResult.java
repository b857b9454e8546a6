package dev.orderclock.order;

/** The typed outcome of one conditional update: applied, refused because of the status, or no such order. */
public sealed interface TransitionResult {

    /** The update changed the row; this is the order as it now is. */
    record Applied(Order order) implements TransitionResult {}

    /** The order exists but was not in the transition's source status (someone else got there first). */
    record WrongStatus(Order current) implements TransitionResult {}

    record NotFound(long orderId) implements TransitionResult {}
}
