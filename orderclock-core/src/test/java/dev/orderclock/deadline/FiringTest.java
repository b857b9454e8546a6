package dev.orderclock.deadline;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Firing: due deadlines go out in batches of at most the batch size, one transaction each; a batch
 * whose transaction fails is tried again after the retry delay; places are given back once a batch
 * is done; memory stays under the cap whatever is pending; a cancel spares a firing.
 */
class FiringTest {

    private static final Duration HORIZON = Duration.ofSeconds(30);
    private static final Duration RETRY_DELAY = Duration.ofMillis(500);
    private static final Duration STEP = Duration.ofMillis(100);

    private final ManualClock clock = ManualClock.at("2025-01-01T00:00:00Z");
    private final long t0 = clock.millis();
    private final FakeDeadlineSource source = new FakeDeadlineSource();

    private DeadlineEngineBuilder engine() {
        return DeadlineEngine.builder(clock).source(source).horizon(HORIZON).retryDelay(RETRY_DELAY);
    }

    @Test
    void firesDueDeadlinesInBatchesOfAtMostTheBatchSizeOneCallEach() {
        // given 1,050 deadlines due at the same moment
        for (long id = 1; id <= 1_050; id++) {
            source.add(id, t0 + 1_000);
        }
        DeadlineEngine engine = engine().firingBatchSize(100).build();
        engine.runOnce();

        // when
        clock.advance(Duration.ofSeconds(1));
        engine.runOnce();

        // then
        assertThat(source.fireCalls())
                .hasSize(11)
                .allSatisfy(call -> assertThat(call.ids()).hasSizeBetween(1, 100));
        assertThat(source.idsHandedToFire()).hasSize(1_050).doesNotHaveDuplicates();
        assertThat(source.fired()).hasSize(1_050);
        assertThat(engine.inMemory()).isZero();
    }

    @Test
    void retriesABatchWhoseFiringFailedAfterTheRetryDelay() {
        // given two deadlines due now and a database that fails the first firing
        source.add(1, t0 + 1_000);
        source.add(2, t0 + 1_000);
        DeadlineEngine engine = engine().build();
        engine.runOnce();
        source.failNextFires(1);

        // when the batch fails
        clock.advance(Duration.ofSeconds(1));
        engine.runOnce();

        // then both stay in memory and nothing is fired before the retry delay has passed
        assertThat(source.fireCalls())
                .singleElement()
                .satisfies(call -> assertThat(call.failed()).isTrue());
        assertThat(engine.inMemory()).isEqualTo(2);
        EngineSteps.runEvery(engine, clock, Duration.ofMillis(10), t0 + 1_000 + RETRY_DELAY.toMillis() - 10);
        assertThat(source.fireCalls()).hasSize(1);

        // when the delay has passed
        clock.set(Instant.ofEpochMilli(t0 + 1_000 + RETRY_DELAY.toMillis()));
        engine.runOnce();

        // then they fire, and give their places back
        assertThat(source.fired()).containsOnlyKeys(1L, 2L);
        assertThat(source.fired().get(1L).firedAt()).isEqualTo(clock.instant());
        assertThat(source.fireCalls()).hasSize(2);
        assertThat(engine.inMemory()).isZero();
    }

    @Test
    void givesEveryPlaceBackOnceItsBatchIsDone() {
        // given
        for (long id = 1; id <= 300; id++) {
            source.add(id, t0 + id * 10);
        }
        AtomicLong heldWhileFiring = new AtomicLong(-1);
        DeadlineEngine[] engine = new DeadlineEngine[1];
        engine[0] = engine().firingBatchSize(50)
                .listener(new EngineListener() {
                    @Override
                    public void onFired(DeadlineSource from, List<Fired> fired, boolean bySweeper) {
                        heldWhileFiring.compareAndSet(-1, engine[0].inMemory());
                    }
                })
                .build();
        engine[0].runOnce();
        assertThat(engine[0].inMemory()).isEqualTo(300);

        // when
        clock.advance(Duration.ofSeconds(3));
        engine[0].runOnce();

        // then a batch being fired still counts, and once all are fired nothing is held
        assertThat(heldWhileFiring.get()).isEqualTo(300);
        assertThat(source.fired()).hasSize(300);
        assertThat(engine[0].inMemory()).isZero();
    }

    @Test
    void holdsNoMoreThanTheCapWithManyMoreDeadlinesPending() {
        // given 5,000 deadlines over 100 s, all pending at once, and room for 200
        for (long id = 1; id <= 5_000; id++) {
            source.add(id, t0 + 1_000 + id * 20);
        }
        DeadlineEngine engine = engine().maxInMemory(200).build();

        // when time passes
        long[] most = {0};
        EngineSteps.runEvery(engine, clock, STEP, t0 + 102_000, () -> {
            most[0] = Math.max(most[0], engine.inMemory());
            assertThat(engine.inMemory()).isLessThanOrEqualTo(200);
        });

        // then memory stayed at the cap while everything fired once, by the wheel
        assertThat(most[0]).isEqualTo(200);
        assertThat(source.fired()).hasSize(5_000);
        assertThat(source.idsHandedToFire()).hasSize(5_000).doesNotHaveDuplicates();
        assertThat(source.sweptIds()).isEmpty();
    }

    @Test
    void theTimeRecordedIsReadInsideTheFiringTransactionNotWhenTheBatchWasHandedOver() {
        // given a deadline, and a database that keeps each transaction waiting 200 ms for a connection
        source.add(1, t0 + 1_000);
        DeadlineEngine engine = engine().build();
        engine.runOnce();
        source.beforeEachFire(() -> clock.advance(Duration.ofMillis(200)));

        // when it falls due
        clock.set(Instant.ofEpochMilli(t0 + 1_000));
        engine.runOnce();

        // then its firing records the time after the wait, as a shop reading the order would see it
        assertThat(source.fired().get(1L).firedAt()).isEqualTo(Instant.ofEpochMilli(t0 + 1_200));
    }

    @Test
    void aCancelledDeadlineIsNotFired() {
        // given
        source.add(1, t0 + 1_000);
        source.add(2, t0 + 1_000);
        DeadlineEngine engine = engine().build();
        engine.runOnce();

        // when order 1 is paid
        source.resolve(1);
        engine.cancel(source, 1);
        EngineSteps.runEvery(engine, clock, STEP, t0 + 2_000);

        // then
        assertThat(source.idsHandedToFire()).containsExactly(2L);
        assertThat(engine.inMemory()).isZero();
    }
}
