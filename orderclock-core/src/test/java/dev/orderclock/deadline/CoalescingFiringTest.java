package dev.orderclock.deadline;

import dev.orderclock.testing.ManualClock;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine on its own threads with a manual clock: while the firing worker is in a transaction,
 * what falls due tick after tick queues up and goes out in a few transactions of up to the batch
 * size; what the sweeper closes leaves the queue; a stop drops what is queued, and the next start
 * closes it from the database. Nothing sleeps: the clock moves by hand and the test waits (bounded)
 * only for the engine's threads to see it.
 */
class CoalescingFiringTest {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final ManualClock clock = ManualClock.at("2025-01-01T00:00:00Z");
    private final long t0 = clock.millis();
    private final FakeDeadlineSource source = new FakeDeadlineSource();
    private final CountDownLatch firstFireMayEnd = new CountDownLatch(1);
    private final AtomicInteger firesStarted = new AtomicInteger();
    private DeadlineEngine engine;

    @AfterEach
    void stopTheEngine() {
        firstFireMayEnd.countDown();
        if (engine != null) {
            engine.stop();
        }
    }

    @Test
    void manyTicksOfDueIdsFireInAFewTransactionsOfAtMostTheBatchSize() {
        // given one deadline due first, 1,200 due ten per tick over the 120 ticks after it, one firing
        // worker, and a first transaction that takes until the test lets it end
        source.add(1, t0 + 10);
        for (long id = 2; id <= 1_201; id++) {
            source.add(id, t0 + 20 + (id - 2) / 10 * 10);
        }
        engine = DeadlineEngine.builder(clock)
                .source(source)
                .firingThreads(1)
                .grace(GRACE)
                .build();
        source.beforeEachFire(this::holdTheFirstFire);
        engine.start();

        // when the first deadline is being fired, and meanwhile the clock passes the 120 ticks one by one
        clock.set(Instant.ofEpochMilli(t0 + 10));
        soon().until(() -> firesStarted.get() == 1);
        for (int tick = 1; tick <= 120; tick++) {
            clock.set(Instant.ofEpochMilli(t0 + 10 + tick * 10L));
            long released = tick * 10L;
            soon().until(() -> engine.queuedForFiring() == released);
        }
        firstFireMayEnd.countDown();

        // then the 1,200 went out in three transactions, not 120: 500, 500 and 200
        soon().until(() -> source.fired().size() == 1_201);
        assertThat(source.fireCalls()).extracting(call -> call.ids().length).containsExactly(1, 500, 500, 200);
        assertThat(source.idsHandedToFire()).hasSize(1_201).doesNotHaveDuplicates();
        assertThat(source.handedEarly()).isEmpty();
        soon().until(() -> engine.inMemory() == 0);
    }

    @Test
    void whatTheSweeperClaimsLeavesTheQueueAndNoTransactionTriesItAgain() {
        // given a worker held in its first transaction and fifty due deadlines queued behind it
        source.add(1, t0 + 10);
        for (long id = 2; id <= 51; id++) {
            source.add(id, t0 + 20);
        }
        engine = DeadlineEngine.builder(clock)
                .source(source)
                .firingThreads(1)
                .grace(GRACE)
                .sweepInterval(Duration.ofMillis(50))
                .build();
        source.beforeEachFire(this::holdTheFirstFire);
        engine.start();
        clock.set(Instant.ofEpochMilli(t0 + 10));
        soon().until(() -> firesStarted.get() == 1);
        clock.set(Instant.ofEpochMilli(t0 + 20));
        soon().until(() -> engine.queuedForFiring() == 50);

        // when they are overdue by more than the grace and the sweeper closes them
        clock.set(Instant.ofEpochMilli(t0 + 20 + GRACE.toMillis() + 1_000));
        soon().until(() -> source.sweptIds().size() == 51);

        // then the queue empties, and once the held transaction ends nothing else is handed to firing
        soon().until(() -> engine.queuedForFiring() == 0);
        firstFireMayEnd.countDown();
        soon().until(() -> engine.inMemory() == 0);
        assertThat(source.idsHandedToFire()).containsExactly(1L);
        assertThat(source.fired()).hasSize(51);
    }

    @Test
    void aStopDropsWhatIsQueuedAndTheNextStartClosesItFromTheDatabase() {
        // given a worker held in its first transaction and a hundred due deadlines queued behind it
        source.add(1, t0 + 10);
        for (long id = 2; id <= 101; id++) {
            source.add(id, t0 + 20);
        }
        engine = DeadlineEngine.builder(clock)
                .source(source)
                .firingThreads(1)
                .grace(GRACE)
                .build();
        source.beforeEachFire(() -> {
            if (firesStarted.incrementAndGet() == 1) {
                // The stop may end this transaction: it is under way, and a stop lets it finish.
                soon().until(() -> !engine.isRunning());
            }
        });
        engine.start();
        clock.set(Instant.ofEpochMilli(t0 + 10));
        soon().until(() -> firesStarted.get() == 1);
        clock.set(Instant.ofEpochMilli(t0 + 20));
        soon().until(() -> engine.queuedForFiring() == 100);

        // when
        engine.stop();

        // then the batch under way finished, no other started, and the queued ones are still pending
        assertThat(source.fireCalls())
                .singleElement()
                .satisfies(call -> assertThat(call.ids()).containsExactly(1));
        assertThat(source.pendingCount()).isEqualTo(100);
        assertThat(engine.queuedForFiring()).isZero();
        assertThat(engine.inMemory()).isZero();

        // when the engine starts again, then its backlog close fires each of them once
        engine.start();
        assertThat(source.fired()).hasSize(101);
        assertThat(source.idsHandedToFire()).hasSize(101).doesNotHaveDuplicates();
        assertThat(source.sweptIds()).isEmpty();
    }

    private void holdTheFirstFire() {
        if (firesStarted.incrementAndGet() == 1) {
            try {
                assertThat(firstFireMayEnd.await(10, TimeUnit.SECONDS))
                        .as("the test let the first fire end")
                        .isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A bounded wait for the engine's threads, polled often: they run every tick (10 ms). */
    private static ConditionFactory soon() {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1));
    }
}
