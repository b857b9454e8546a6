package dev.orderclock.deadline;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety net: the periodic sweep claims only what is overdue by more than the grace period;
 * whatever the sweeper fired leaves the wheel and is not fired again; each source is looked at once
 * per its own sweep interval. (The backlog at start-up: {@link BacklogCloserTest}.)
 */
class SweeperTest {

    private static final Duration HORIZON = Duration.ofSeconds(30);
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration STEP = Duration.ofMillis(100);

    private final ManualClock clock = ManualClock.at("2025-01-01T00:00:00Z");
    private final long t0 = clock.millis();
    private final FakeDeadlineSource source = new FakeDeadlineSource();

    private DeadlineEngineBuilder engine() {
        return DeadlineEngine.builder(clock)
                .source(source)
                .horizon(HORIZON)
                .grace(GRACE)
                .sweepBatchSize(100);
    }

    @Test
    void thePeriodicSweepFiresOnlyWhatIsOverdueByMoreThanTheGrace() {
        // given a loaded window, and two orders whose offers were lost (created inside the window),
        // swept at every step so that the boundary shows to the millisecond
        DeadlineEngine engine = engine().sweepInterval(Duration.ofMillis(1)).build();
        engine.runOnce();
        source.add(1, t0 + 1_000);
        source.add(2, t0 + 3_000);

        // when time reaches exactly the grace past the first one
        EngineSteps.runEvery(engine, clock, STEP, t0 + 1_000 + GRACE.toMillis());

        // then neither is claimed yet
        assertThat(source.sweptIds()).isEmpty();

        // when a little more than the grace has passed for the first one, and then for the second
        EngineSteps.runEvery(engine, clock, Duration.ofMillis(1), t0 + 1_001 + GRACE.toMillis());
        assertThat(source.sweptIds()).containsExactly(1L);
        EngineSteps.runEvery(engine, clock, STEP, t0 + 3_000 + GRACE.toMillis());
        assertThat(source.sweptIds()).containsExactly(1L);
        EngineSteps.runEvery(engine, clock, STEP, t0 + 3_100 + GRACE.toMillis());

        // then each was claimed once the grace had passed for it
        assertThat(source.sweptIds()).containsExactly(1L, 2L);
        assertThat(source.sweepCalls())
                .allSatisfy(call -> call.fired()
                        .forEach(fired -> assertThat(call.cutoff())
                                .isEqualTo(fired.firedAt().minus(GRACE))));
        assertThat(source.fired().get(1L).firedAt()).isEqualTo(Instant.ofEpochMilli(t0 + 1_001 + GRACE.toMillis()));
        assertThat(source.idsHandedToFire()).isEmpty();
    }

    @Test
    void aDeadlineThePeriodicSweepFiredWhileItWaitedForARetryIsNotFiredAgain() {
        // given a deadline whose firing fails and waits in the wheel for a retry longer than the grace
        source.add(1, t0 + 1_000);
        DeadlineEngine engine = engine().retryDelay(Duration.ofSeconds(10)).build();
        engine.runOnce();
        source.failNextFires(1);
        EngineSteps.runEvery(engine, clock, STEP, t0 + 1_000);
        assertThat(engine.inMemory()).isEqualTo(1);

        // when the sweep finds it overdue by more than the grace
        EngineSteps.runEvery(engine, clock, STEP, t0 + 7_000);

        // then the sweeper fires it, it leaves the wheel, and the retry never comes
        assertThat(source.sweptIds()).containsExactly(1L);
        assertThat(engine.inMemory()).isZero();
        EngineSteps.runEvery(engine, clock, STEP, t0 + 15_000);
        assertThat(source.fireCalls())
                .singleElement()
                .satisfies(call -> assertThat(call.failed()).isTrue());
    }

    @Test
    void whileFiringIsBackloggedEachRoundClaimsOneBatchThenItSweepsFullyWhenFiringKeepsUp() {
        // given 550 deadlines overdue by more than the grace, and a due id waiting for a firing worker
        for (long id = 1; id <= 550; id++) {
            source.add(id, t0 - 60_000 + id);
        }
        Capacity capacity = new Capacity(1_000);
        List<SourceTrack> tracks = List.of(new SourceTrack(source, new TimingWheel(10, t0, capacity)));
        DueQueues queues = new DueQueues(tracks, capacity);
        capacity.tryAcquire();
        queues.add(tracks.get(0), new long[] {10_000});
        Sweeper sweeper = new Sweeper(clock, new Ticker(), EngineListener.NONE, GRACE, 100, queues);

        // when it is asked every second, three times
        List<Integer> fired = new ArrayList<>();
        for (int second = 0; second < 3; second++) {
            fired.add(sweeper.sweep(tracks));
            clock.advance(Duration.ofSeconds(1));
        }

        // then each round claimed one batch, the oldest overdue first
        assertThat(fired).containsExactly(100, 100, 100);
        assertThat(source.sweptIds()).startsWith(1L, 2L, 3L);

        // when firing keeps up again (its queue is empty), the next round sweeps everything overdue
        queues.poll(100);
        assertThat(sweeper.sweep(tracks)).isEqualTo(250);
        assertThat(source.sweepCalls())
                .extracting(call -> call.fired().size())
                .containsExactly(100, 100, 100, 100, 100, 50);
    }

    @Test
    void whatARoundClosesLeavesTheDueQueueSoNoFiringTransactionTriesItAgain() {
        // given fifty deadlines overdue by more than the grace, released by the wheel and queued for firing
        Capacity capacity = new Capacity(1_000);
        SourceTrack track = new SourceTrack(source, new TimingWheel(10, t0, capacity));
        DueQueues queues = new DueQueues(List.of(track), capacity);
        long[] ids = LongStream.rangeClosed(1, 50).toArray();
        for (long id : ids) {
            source.add(id, t0 - 60_000 + id);
            capacity.tryAcquire();
        }
        queues.add(track, ids);
        Sweeper sweeper = new Sweeper(clock, new Ticker(), EngineListener.NONE, GRACE, 100, queues);
        Firing firing = new Firing(
                clock,
                capacity,
                EngineListener.NONE,
                new Ticker(),
                Duration.ofMillis(500),
                queues,
                500,
                new Handovers(List.of(track)));

        // when the sweeper looks first, and then firing takes what is queued
        int swept = sweeper.sweep(List.of(track));
        firing.fireQueued();

        // then the sweeper closed them, nothing was left queued or held, and firing tried none again
        assertThat(swept).isEqualTo(50);
        assertThat(queues.backlogged()).isFalse();
        assertThat(capacity.used()).isZero();
        assertThat(source.fireCalls()).isEmpty();
    }

    @Test
    void eachSourceIsLookedAtOncePerItsOwnSweepInterval() {
        // given a source swept at the engine's interval (1 s) and one swept every 10 s
        FakeDeadlineSource slow = new FakeDeadlineSource();
        DeadlineEngine engine = engine().source(slow, Duration.ofSeconds(10)).build();

        // when the engine runs every 100 ms for 30 seconds
        engine.runOnce();
        EngineSteps.runEvery(engine, clock, STEP, t0 + 30_000);

        // then the first was looked at every second, the second every ten
        assertThat(lookTimes(source))
                .hasSize(31)
                .startsWith(t0, t0 + 1_000, t0 + 2_000)
                .endsWith(t0 + 30_000);
        assertThat(lookTimes(slow)).containsExactly(t0, t0 + 10_000, t0 + 20_000, t0 + 30_000);
    }

    @Test
    void aLostDeadlineOfASlowlySweptSourceFiresWithinTheGracePlusItsOwnInterval() {
        // given a source swept every 10 s, and a deadline nothing holds in memory, overdue by more than
        // the grace just after a look
        FakeDeadlineSource slow = new FakeDeadlineSource();
        Duration interval = Duration.ofSeconds(10);
        DeadlineEngine engine = DeadlineEngine.builder(clock)
                .source(slow, interval)
                .grace(GRACE)
                .horizonLoading(false)
                .build();
        engine.runOnce();
        long due = t0 + 5_001;
        slow.add(1, due);

        // when time passes in steps of 100 ms up to the grace plus the interval
        EngineSteps.runEvery(engine, clock, STEP, t0 + 19_900);
        assertThat(slow.sweptIds()).isEmpty();
        EngineSteps.runEvery(engine, clock, STEP, due + GRACE.toMillis() + interval.toMillis());

        // then the sweeper fired it at its next look, within the bound
        assertThat(slow.sweptIds()).containsExactly(1L);
        assertThat(slow.fired().get(1L).firedAt())
                .isEqualTo(Instant.ofEpochMilli(t0 + 20_000))
                .isBeforeOrEqualTo(Instant.ofEpochMilli(due).plus(GRACE).plus(interval));
    }

    @Test
    void theSweeperThreadWaitsUntilTheNextSourceIsDueButNeverLongerThanAnInterval() {
        // given a source swept every second and one every ten, both just looked at
        Capacity capacity = new Capacity(1_000);
        SourceTrack fast = new SourceTrack(source, new TimingWheel(10, t0, capacity), Duration.ofSeconds(1));
        SourceTrack slow =
                new SourceTrack(new FakeDeadlineSource(), new TimingWheel(10, t0, capacity), Duration.ofSeconds(10));
        Sweeper sweeper = new Sweeper(
                clock, new Ticker(), EngineListener.NONE, GRACE, 100, new DueQueues(List.of(fast, slow), capacity));
        sweeper.sweep(List.of(fast, slow));

        // then the next round is the fast one's, 1 s away; with the slow one alone, 10 s away
        assertThat(sweeper.untilNextRound(List.of(fast, slow))).isEqualTo(1_000);
        clock.advance(Duration.ofMillis(400));
        assertThat(sweeper.untilNextRound(List.of(slow))).isEqualTo(9_600);

        // when the clock is set back an hour, the wait is still no longer than the interval
        clock.set(Instant.ofEpochMilli(t0 - 3_600_000));
        assertThat(sweeper.untilNextRound(List.of(slow))).isEqualTo(10_000);
    }

    /** When the sweeper looked at {@code source}: each look's cutoff plus the grace. */
    private static List<Long> lookTimes(FakeDeadlineSource source) {
        return source.sweepCalls().stream()
                .map(call -> call.cutoff().plus(GRACE).toEpochMilli())
                .toList();
    }

    @Test
    void aNodeWhoseTurnItIsNotLetsItsRoundsPassWithoutALookAndLooksInTheFirstRoundAfterTakingOver() {
        // given a deadline overdue by more than the grace, and a sweeper whose turn it is not
        source.add(1, t0 - 60_000);
        Capacity capacity = new Capacity(1_000);
        List<SourceTrack> tracks =
                List.of(new SourceTrack(source, new TimingWheel(10, t0, capacity), Duration.ofSeconds(5)));
        java.util.concurrent.atomic.AtomicBoolean mine = new java.util.concurrent.atomic.AtomicBoolean(false);
        Sweeper sweeper = new Sweeper(
                clock,
                new Ticker(),
                EngineListener.NONE,
                GRACE,
                100,
                new DueQueues(tracks, capacity),
                mine::get,
                new Handovers(tracks));

        // when its rounds come, three intervals long
        for (int round = 0; round < 3; round++) {
            assertThat(sweeper.sweep(tracks)).isZero();
            clock.advance(Duration.ofSeconds(5));
        }

        // then it sent no query at all
        assertThat(source.sweepCalls()).isEmpty();

        // when the turn becomes its own (the looking node died), the next round, at most one interval away, looks
        mine.set(true);
        assertThat(sweeper.untilNextRound(tracks)).isLessThanOrEqualTo(5_000);
        assertThat(sweeper.sweep(tracks)).isEqualTo(1);
        assertThat(source.sweepCalls()).hasSize(1);
    }
}
