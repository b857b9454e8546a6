package dev.orderclock.order;

import java.util.List;

/**
 * What one closing transaction of overdue unpaid orders did: the orders it closed, and the ids it
 * left pending because each holds an open payment attempt that only the channel can decide. Both
 * come from the same transaction, so an order is never in both and never in neither while due.
 *
 * @param closed the orders closed for timeout
 * @param heldByAttempt overdue pending orders with an open attempt, claimed for a channel check
 */
public record TimeoutBatch(List<Order> closed, long[] heldByAttempt) {

    public static final TimeoutBatch EMPTY = new TimeoutBatch(List.of(), new long[0]);

    public TimeoutBatch {
        closed = List.copyOf(closed);
        heldByAttempt = heldByAttempt.clone();
    }

    /** How many rows the transaction claimed: closed plus held. */
    public int size() {
        return closed.size() + heldByAttempt.length;
    }

    @Override
    public long[] heldByAttempt() {
        return heldByAttempt.clone();
    }
}
