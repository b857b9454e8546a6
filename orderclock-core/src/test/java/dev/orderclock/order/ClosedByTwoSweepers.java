package dev.orderclock.order;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static dev.orderclock.testing.Race.runTogether;

/**
 * Named race: two nodes' sweepers claim the same backlog of overdue orders at once. Claims skip the
 * rows the other holds, and the conditional update fires what is left once: every order is closed
 * by exactly one of them, with one event and one stock release.
 */
public abstract class ClosedByTwoSweepers extends StoreSuite {

    private static final int ORDERS = 300;
    private static final int SWEEP_LIMIT = 25;

    @Test
    void everyOverdueOrderIsClosedByExactlyOneSweeper() {
        // given
        OverdueOrders overdue = OverdueOrders.placed(shop(), ORDERS);
        Queue<Order> closed = new ConcurrentLinkedQueue<>();
        Runnable sweeper = () -> {
            List<Order> swept;
            do {
                swept = shop().orders()
                        .sweepDue(OrderTransition.CLOSE_FOR_TIMEOUT, OverdueOrders.NOW, SWEEP_LIMIT, OverdueOrders.NOW);
                closed.addAll(swept);
            } while (!swept.isEmpty());
        };
        // when
        runTogether(List.of(sweeper, sweeper));
        // then
        overdue.assertEachClosedOnce(closed);
    }
}
