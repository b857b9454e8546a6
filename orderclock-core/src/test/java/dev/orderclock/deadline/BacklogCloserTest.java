package dev.orderclock.deadline;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backlog at start-up: everything already overdue closes with no grace, in batches of the sweep
 * batch size, on as many threads as the engine fires with; each deadline is handed over once; a
 * batch that fails stops the close and stays pending for the next one. The firing threads are real,
 * the clock is not: the only waiting is on a barrier that proves the threads fire at once.
 */
class BacklogCloserTest {

    private static final int THREADS = 4;

    private final ManualClock clock = ManualClock.at("2025-01-01T00:00:00Z");
    private final long t0 = clock.millis();
    private final FakeDeadlineSource source = new FakeDeadlineSource();

    private DeadlineEngineBuilder engine() {
        return DeadlineEngine.builder(clock)
                .source(source)
                .horizon(Duration.ofSeconds(30))
                .grace(Duration.ofSeconds(5))
                .sweepBatchSize(100)
                .firingThreads(THREADS);
    }

    @Test
    void closesEverythingOverdueWithNoGraceInBatchesOfTheSweepBatchSize() {
        // given 250 deadlines overdue by an hour down to a millisecond, one due right now, ten not yet due
        overdue(250);
        source.add(251, t0);
        for (long id = 301; id <= 310; id++) {
            source.add(id, t0 + (id - 300));
        }
        DeadlineEngine engine = engine().build();

        // when
        int closed = engine.closeBacklog();

        // then
        assertThat(closed).isEqualTo(251);
        assertThat(source.fireCalls()).extracting(call -> call.ids().length).containsExactlyInAnyOrder(100, 100, 51);
        assertThat(source.fireCalls()).allSatisfy(call -> assertThat(call.now()).isEqualTo(clock.instant()));
        assertThat(source.pendingCount()).isEqualTo(10);
        assertThat(source.sweepCalls()).isEmpty();
    }

    @Test
    void closesEachOverdueDeadlineOnceWithTheFiringThreadsAtWork() {
        // given 2,050 overdue deadlines, and a source at which the first batches wait until all four
        // firing threads are in it
        overdue(2_050);
        allThreadsMeetAtTheFirstBatches();
        DeadlineEngine engine = engine().build();

        // when
        int closed = engine.closeBacklog();

        // then every one was handed over once and closed, by four threads firing at once
        assertThat(closed).isEqualTo(2_050);
        assertThat(source.idsHandedToFire()).hasSize(2_050).doesNotHaveDuplicates();
        assertThat(source.fired()).hasSize(2_050);
        assertThat(source.pendingCount()).isZero();
        assertThat(source.fireCalls()).hasSize(21);
        assertThat(source.fireCalls().stream()
                        .map(FakeDeadlineSource.FireCall::thread)
                        .distinct())
                .hasSize(THREADS);
    }

    @Test
    void startClosesTheBacklogOnItsFiringThreadsBeforeItLoads() {
        // given 2,050 overdue deadlines and three due within the horizon
        overdue(2_050);
        for (long id = 3_001; id <= 3_003; id++) {
            source.add(id, t0 + 10_000);
        }
        allThreadsMeetAtTheFirstBatches();
        AtomicInteger reportedAsSwept = new AtomicInteger();
        DeadlineEngine engine = engine().listener(new EngineListener() {
                    @Override
                    public void onFired(DeadlineSource from, List<Fired> fired, boolean bySweeper) {
                        if (bySweeper) {
                            reportedAsSwept.addAndGet(fired.size());
                        }
                    }
                })
                .build();

        // when
        engine.start();
        engine.stop();

        // then the backlog closed on the engine's own firing threads, and only what is ahead was loaded
        assertThat(source.fired()).hasSize(2_050);
        assertThat(source.idsHandedToFire()).hasSize(2_050).doesNotHaveDuplicates();
        assertThat(source.fireCalls())
                .extracting(FakeDeadlineSource.FireCall::thread)
                .allSatisfy(thread -> assertThat(thread).startsWith("orderclock-firing-"));
        assertThat(reportedAsSwept).hasValue(2_050);
        assertThat(source.pendingCount()).isEqualTo(3);
    }

    @Test
    void aBatchThatFailsStopsTheCloseAndStaysPendingForTheNextOne() {
        // given 2,050 overdue deadlines and a database that fails the first firing transaction
        overdue(2_050);
        source.failNextFires(1);
        DeadlineEngine engine = engine().build();

        // when the backlog is closed
        assertThatThrownBy(engine::closeBacklog).hasMessage("database unavailable");

        // then the failed batch is still pending, nothing was closed twice, nothing is left half done
        List<Long> failed = source.fireCalls().stream()
                .filter(FakeDeadlineSource.FireCall::failed)
                .flatMap(call -> Arrays.stream(call.ids()).boxed())
                .toList();
        assertThat(failed).hasSize(100);
        assertThat(source.pendingCount())
                .isEqualTo(2_050 - source.fired().size())
                .isGreaterThanOrEqualTo(100);
        assertThat(source.fired()).doesNotContainKeys(failed.toArray(Long[]::new));
        assertThat(source.idsHandedToFire()).doesNotHaveDuplicates();

        // when the engine starts (after the database came back), then it closes what is left
        int closedBefore = source.fired().size();
        assertThat(engine.closeBacklog()).isEqualTo(2_050 - closedBefore);
        assertThat(source.fired()).hasSize(2_050);
        assertThat(source.fireCalls().stream()
                        .filter(call -> !call.failed())
                        .flatMap(call -> Arrays.stream(call.ids()).boxed()))
                .hasSize(2_050)
                .doesNotHaveDuplicates();
    }

    @Test
    void aStartWhoseBacklogFailsStartsNothingAndTheNextStartClosesTheRest() {
        // given 500 overdue deadlines and a database that fails the first firing transaction
        overdue(500);
        source.failNextFires(1);
        DeadlineEngine engine = engine().build();

        // when
        assertThatThrownBy(engine::start).hasMessage("database unavailable");

        // then it did not start, and starting again closes the rest
        assertThat(engine.isRunning()).isFalse();
        engine.start();
        assertThat(engine.isRunning()).isTrue();
        engine.stop();
        assertThat(source.fired()).hasSize(500);
        assertThat(source.pendingCount()).isZero();
    }

    @Test
    void aDeadlineTheBacklogClosedIsDroppedFromTheWheel() {
        // given a deadline in the wheel, overdue because the engine was not run for a while
        source.add(1, t0 + 1_000);
        DeadlineEngine engine = engine().build();
        engine.runOnce();
        clock.advance(Duration.ofSeconds(10));

        // when the backlog is closed first
        engine.closeBacklog();
        engine.runOnce();

        // then the wheel does not fire it again
        assertThat(source.idsHandedToFire()).containsExactly(1L);
        assertThat(source.fired()).containsOnlyKeys(1L);
        assertThat(engine.inMemory()).isZero();
    }

    /** {@code count} deadlines overdue, ids 1 up, the earliest first. */
    private void overdue(int count) {
        LongStream.rangeClosed(1, count).forEach(id -> source.add(id, t0 - 3_600_000 + id));
    }

    /** The first {@link #THREADS} fire calls wait for one another: they pass only if that many run at once. */
    private void allThreadsMeetAtTheFirstBatches() {
        CyclicBarrier meeting = new CyclicBarrier(THREADS);
        AtomicInteger calls = new AtomicInteger();
        source.beforeEachFire(() -> {
            if (calls.incrementAndGet() > THREADS) {
                return;
            }
            try {
                meeting.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new AssertionError("the firing threads did not fire at once", e);
            }
        });
    }
}
