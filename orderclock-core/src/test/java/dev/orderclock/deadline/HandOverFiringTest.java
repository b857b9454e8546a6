package dev.orderclock.deadline;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids handed over by {@link DeadlineEngine#fireNow} (the due-queue consumer's) go through the engine's
 * one firing loop: its batches, its retry rule, its capacity; the hand-over completes only once
 * each of its ids has been fired in a committed transaction (or closed by the sweeper).
 */
class HandOverFiringTest {

    private static final Duration RETRY_DELAY = Duration.ofMillis(500);

    private final ManualClock clock = ManualClock.at("2025-01-01T00:00:00Z");
    private final long t0 = clock.millis();
    private final FakeDeadlineSource source = new FakeDeadlineSource();

    private DeadlineEngineBuilder engine() {
        return DeadlineEngine.builder(clock)
                .source(source)
                .horizonLoading(false)
                .retryDelay(RETRY_DELAY);
    }

    @Test
    void handedOverIdsFireInTheEnginesBatchesAndCompleteAfterTheCommit() {
        // given 250 rows already due, handed over in one go to an engine firing 100 per transaction
        long[] ids = LongStream.rangeClosed(1, 250).toArray();
        for (long id : ids) {
            source.add(id, t0 - 1_000);
        }
        DeadlineEngine engine = engine().firingBatchSize(100).build();

        // when
        CompletableFuture<Void> handedOver = engine.fireNow(source, ids).toCompletableFuture();

        // then nothing is settled until the engine fires
        assertThat(handedOver).isNotDone();
        assertThat(engine.queuedForFiring()).isEqualTo(250);

        // when
        engine.runOnce();

        // then three transactions, and the hand-over completes with every id fired and places given back
        assertThat(source.fireCalls())
                .hasSize(3)
                .allSatisfy(call -> assertThat(call.ids()).hasSizeLessThanOrEqualTo(100));
        assertThat(source.fired()).hasSize(250);
        assertThat(handedOver).isCompleted();
        assertThat(engine.inMemory()).isZero();
    }

    @Test
    void aFailingFireOfHandedOverIdsIsRetriedByTheEnginesRuleAndCompletesOnlyAfterTheCommit() {
        // given two due rows handed over, and a database that fails the first firing
        source.add(1, t0 - 1_000);
        source.add(2, t0 - 1_000);
        DeadlineEngine engine = engine().build();
        source.failNextFires(1);
        CompletableFuture<Void> handedOver =
                engine.fireNow(source, new long[] {1, 2}).toCompletableFuture();

        // when the firing fails
        engine.runOnce();

        // then the hand-over is not complete (its message stays unacked) and the ids wait in the wheel
        assertThat(source.fireCalls())
                .singleElement()
                .satisfies(call -> assertThat(call.failed()).isTrue());
        assertThat(handedOver).isNotDone();
        assertThat(engine.inMemory()).isEqualTo(2);

        // when time passes short of the retry delay, nothing is tried again
        EngineSteps.runEvery(engine, clock, Duration.ofMillis(10), t0 + RETRY_DELAY.toMillis() - 10);
        assertThat(source.fireCalls()).hasSize(1);
        assertThat(handedOver).isNotDone();

        // when the retry delay has passed
        clock.advance(Duration.ofMillis(10));
        engine.runOnce();

        // then the retry commits, and only then is the hand-over complete
        assertThat(source.fireCalls())
                .hasSize(2)
                .last()
                .satisfies(call -> assertThat(call.failed()).isFalse());
        assertThat(source.fired()).containsOnlyKeys(1L, 2L);
        assertThat(handedOver).isCompleted();
        assertThat(engine.inMemory()).isZero();
    }

    @Test
    void aHandOverCompletesOnlyWhenEveryIdItCarriedIsSettled() {
        // given two hand-overs sharing id 2, and a first firing that fails
        source.add(1, t0 - 1_000);
        source.add(2, t0 - 1_000);
        source.add(3, t0 - 1_000);
        DeadlineEngine engine = engine().firingBatchSize(2).build();
        source.failNextFires(1);
        CompletableFuture<Void> first =
                engine.fireNow(source, new long[] {1, 2}).toCompletableFuture();
        CompletableFuture<Void> second =
                engine.fireNow(source, new long[] {2, 3}).toCompletableFuture();

        // when the first batch (1, 2) fails and the second (2, 3) commits
        engine.runOnce();

        // then the second is complete (its 2 was fired in a committed transaction), the first waits for 1
        assertThat(second).isCompleted();
        assertThat(first).isNotDone();

        // when the retry fires 1 (and 2 again, which changes nothing)
        clock.advance(RETRY_DELAY);
        engine.runOnce();

        // then
        assertThat(first).isCompleted();
        assertThat(source.fired()).containsOnlyKeys(1L, 2L, 3L);
    }

    @Test
    void aHandOverWhoseIdsTheSweeperClosedCompletes() {
        // given a hand-over whose firing fails, and a grace that has passed before its retry
        source.add(1, t0 - 10_000);
        DeadlineEngine engine = engine().grace(Duration.ofSeconds(1))
                .retryDelay(Duration.ofSeconds(30))
                .build();
        source.failNextFires(1);
        CompletableFuture<Void> handedOver =
                engine.fireNow(source, new long[] {1}).toCompletableFuture();

        // when the firing fails and the sweeper looks
        engine.runOnce();
        clock.advance(DeadlineEngine.DEFAULT_SWEEP_INTERVAL);
        engine.runOnce();

        // then the sweeper's close settles it, and the wheel no longer holds it
        assertThat(source.sweptIds()).containsExactly(1L);
        assertThat(handedOver).isCompleted();
        assertThat(engine.inMemory()).isZero();
    }
}
