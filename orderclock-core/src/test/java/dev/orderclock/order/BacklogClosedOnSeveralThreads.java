package dev.orderclock.order;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.EngineListener;
import dev.orderclock.deadline.Fired;
import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static dev.orderclock.testing.Race.runTogether;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Named race: the start-up backlog closes on several firing threads at once, and two nodes may
 * start at the same moment. One claimer per engine hands out disjoint batches; across engines the
 * conditional update decides: every order is closed once, with one event and one stock release,
 * and the engines together report exactly the backlog.
 */
public abstract class BacklogClosedOnSeveralThreads extends StoreSuite {

    private static final int ORDERS = 600;
    private static final int THREADS = 4;
    private static final int BATCH = 25;

    @Test
    void everyOverdueOrderIsClosedOnceAndTheCloseCountsThemAll() {
        // given
        OverdueOrders overdue = OverdueOrders.placed(shop(), ORDERS);
        Queue<Order> closed = new ConcurrentLinkedQueue<>();
        // when
        int reported = engine(closed).closeBacklog();
        // then
        assertThat(reported).isEqualTo(ORDERS);
        overdue.assertEachClosedOnce(closed);
    }

    @Test
    void twoEnginesStartingAtOnceCloseEveryOverdueOrderOnceBetweenThem() {
        // given
        OverdueOrders overdue = OverdueOrders.placed(shop(), ORDERS);
        Queue<Order> closed = new ConcurrentLinkedQueue<>();
        DeadlineEngine one = engine(closed);
        DeadlineEngine other = engine(closed);
        Queue<Integer> reported = new ConcurrentLinkedQueue<>();
        // when
        runTogether(List.of(() -> reported.add(one.closeBacklog()), () -> reported.add(other.closeBacklog())));
        // then
        assertThat(reported.stream().mapToInt(Integer::intValue).sum()).isEqualTo(ORDERS);
        overdue.assertEachClosedOnce(closed);
    }

    private DeadlineEngine engine(Queue<Order> closed) {
        return DeadlineEngine.builder(new ManualClock(OverdueOrders.NOW))
                .source(new PaymentTimeoutSource(shop().orders()))
                .firingThreads(THREADS)
                .sweepBatchSize(BATCH)
                .listener(new EngineListener() {
                    @Override
                    public void onFired(DeadlineSource source, List<Fired> fired, boolean bySweeper) {
                        fired.forEach(f -> closed.add(shop().order(f.id())));
                    }
                })
                .build();
    }
}
