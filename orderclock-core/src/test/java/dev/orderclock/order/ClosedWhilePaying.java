package dev.orderclock.order;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static dev.orderclock.testing.Race.runTogether;

/**
 * Named race: the sweeper claims overdue orders ({@link OrderStore#sweepDue}, skipping rows others
 * hold) while their payments are being applied. A payment holding its row makes the sweeper pass it
 * by; a sweep holding its rows makes the payment find the order closed. Never both, never neither.
 */
public abstract class ClosedWhilePaying extends StoreSuite {

    private static final int ORDERS = 200;
    private static final int SWEEP_LIMIT = 20;

    @Test
    void everyOrderEndsEitherPaidOrClosedAndOnlyTheWinnerTouchesTheStock() {
        // given
        OverdueOrders overdue = OverdueOrders.placed(shop(), ORDERS);
        Map<Long, TransitionResult> payments = new ConcurrentHashMap<>();
        Queue<Order> closed = new ConcurrentLinkedQueue<>();
        List<Runnable> payers = overdue.payers(4, payments);
        CountDownLatch paying = new CountDownLatch(payers.size());
        List<Runnable> racers = new ArrayList<>();
        payers.forEach(payer -> racers.add(() -> {
            try {
                payer.run();
            } finally {
                paying.countDown();
            }
        }));
        racers.add(() -> sweepUntilPaymentsEndAndNothingIsLeft(paying, closed));
        racers.add(() -> sweepUntilPaymentsEndAndNothingIsLeft(paying, closed));
        // when
        runTogether(racers);
        // then
        overdue.assertEachEndedPaidXorClosedOnce(payments, closed);
    }

    private void sweepUntilPaymentsEndAndNothingIsLeft(CountDownLatch paying, Queue<Order> closed) {
        while (true) {
            boolean paymentsOver = paying.getCount() == 0;
            List<Order> swept = shop().orders()
                    .sweepDue(OrderTransition.CLOSE_FOR_TIMEOUT, OverdueOrders.NOW, SWEEP_LIMIT, OverdueOrders.NOW);
            closed.addAll(swept);
            if (swept.isEmpty() && paymentsOver) {
                return;
            }
        }
    }
}
