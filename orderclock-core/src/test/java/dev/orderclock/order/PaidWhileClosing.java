package dev.orderclock.order;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import static dev.orderclock.testing.Race.runTogether;

/**
 * Named race: payments arrive while the timer fires batches of closes on the same overdue orders
 * ({@link OrderStore#applyDue}, as the wheel does). The database picks one winner per order; the
 * loser changes nothing. Two firers overlap as well, as two nodes handed the same deadlines would.
 */
public abstract class PaidWhileClosing extends StoreSuite {

    private static final int ORDERS = 200;
    private static final int BATCH = 20;

    @Test
    void everyOrderEndsEitherPaidOrClosedAndOnlyTheWinnerTouchesTheStock() {
        // given
        OverdueOrders overdue = OverdueOrders.placed(shop(), ORDERS);
        Map<Long, TransitionResult> payments = new ConcurrentHashMap<>();
        Queue<Order> closed = new ConcurrentLinkedQueue<>();
        List<Runnable> racers = new ArrayList<>(overdue.payers(4, payments));
        racers.add(() -> closeInBatches(overdue.ids(), closed));
        racers.add(() -> closeInBatches(reversed(overdue.ids()), closed));
        // when
        runTogether(racers);
        // then
        overdue.assertEachEndedPaidXorClosedOnce(payments, closed);
    }

    private void closeInBatches(long[] ids, Queue<Order> closed) {
        for (int from = 0; from < ids.length; from += BATCH) {
            long[] batch = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + BATCH));
            closed.addAll(shop().orders().applyDue(OrderTransition.CLOSE_FOR_TIMEOUT, batch, OverdueOrders.NOW));
        }
    }

    private static long[] reversed(long[] ids) {
        long[] reversed = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            reversed[i] = ids[ids.length - 1 - i];
        }
        return reversed;
    }
}
