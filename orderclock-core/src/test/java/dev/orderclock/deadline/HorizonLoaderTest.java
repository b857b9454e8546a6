package dev.orderclock.deadline;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the loader reads and when: only up to now + horizon, in (due, id) pages, the next window every
 * half horizon from where the last one ended; offers inside the loaded window join the wheel, later
 * ones are left to the loader.
 */
class HorizonLoaderTest {

    private static final Duration HORIZON = Duration.ofSeconds(30);
    private static final Duration STEP = Duration.ofMillis(100);

    private final ManualClock clock = ManualClock.at("2025-01-01T00:00:00Z");
    private final long t0 = clock.millis();
    private final FakeDeadlineSource source = new FakeDeadlineSource();

    private DeadlineEngineBuilder engine() {
        return DeadlineEngine.builder(clock).source(source).horizon(HORIZON);
    }

    @Test
    void theFirstLoadReadsOnlyUpToNowPlusTheHorizon() {
        // given
        source.add(1, t0 + 1_000);
        source.add(2, t0 + 29_999);
        source.add(3, t0 + 30_000);
        source.add(4, t0 + 30_001);
        source.add(5, t0 + 300_000);
        DeadlineEngine engine = engine().build();

        // when
        engine.runOnce();

        // then
        assertThat(source.scans()).singleElement().satisfies(scan -> {
            assertThat(scan.after()).isEqualTo(Deadline.BEGINNING);
            assertThat(scan.until()).isEqualTo(Instant.ofEpochMilli(t0 + 30_000));
            assertThat(scan.returned()).extracting(Deadline::id).containsExactly(1L, 2L, 3L);
        });
        assertThat(engine.inMemory()).isEqualTo(3);
    }

    @Test
    void readsInPagesByDueAndIdCarryingTiesAcrossPageBoundaries() {
        // given seven deadlines sharing one due time among others, read in pages of three
        source.add(1, t0 + 1_000);
        for (long id = 10; id <= 16; id++) {
            source.add(id, t0 + 5_000);
        }
        source.add(22, t0 + 6_000);
        source.add(21, t0 + 6_000);
        source.add(30, t0 + 31_000);
        DeadlineEngine engine = engine().loadPageSize(3).build();

        // when
        engine.runOnce();

        // then each page starts right after the last (due, id) of the one before, and together they
        // read every deadline of the window once, in order
        List<FakeDeadlineSource.Scan> scans = source.scans();
        assertThat(scans).hasSize(4);
        for (int i = 1; i < scans.size(); i++) {
            List<Deadline> previous = scans.get(i - 1).returned();
            assertThat(scans.get(i).after()).isEqualTo(previous.get(previous.size() - 1));
        }
        assertThat(scans.stream().flatMap(scan -> scan.returned().stream()).map(Deadline::id))
                .containsExactly(1L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 21L, 22L);
        assertThat(engine.inMemory()).isEqualTo(10);

        // and each fires once, on time
        EngineSteps.runEvery(engine, clock, STEP, t0 + 10_000);
        assertThat(source.fired()).containsOnlyKeys(1L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 21L, 22L);
        assertThat(source.idsHandedToFire()).doesNotHaveDuplicates();
    }

    @Test
    void loadsTheNextWindowEveryHalfHorizonFromWhereTheLastEnded() {
        // given a window loaded at t0
        source.add(1, t0 + 40_000);
        source.add(2, t0 + 50_000);
        DeadlineEngine engine = engine().build();
        engine.runOnce();

        // when less than half a horizon passes, nothing is read
        EngineSteps.runEvery(engine, clock, STEP, t0 + 14_999);
        assertThat(source.scans()).hasSize(1);

        // when half a horizon has passed, the next window is read, and only it
        clock.set(Instant.ofEpochMilli(t0 + 15_000));
        engine.runOnce();

        // then
        assertThat(source.scans()).hasSize(2);
        FakeDeadlineSource.Scan second = source.scans().get(1);
        assertThat(second.after()).isEqualTo(Deadline.endOf(t0 + 30_000));
        assertThat(second.until()).isEqualTo(Instant.ofEpochMilli(t0 + 45_000));
        assertThat(second.returned()).extracting(Deadline::id).containsExactly(1L);
        assertThat(engine.inMemory()).isEqualTo(1);
    }

    @Test
    void aDeadlineOfferedInsideTheLoadedWindowJoinsTheWheel() {
        // given a loaded window
        DeadlineEngine engine = engine().build();
        engine.runOnce();
        clock.advance(Duration.ofSeconds(1));

        // when an order is created with its deadline inside the window
        source.add(7, t0 + 10_000);
        engine.schedule(source, 7, Instant.ofEpochMilli(t0 + 10_000));
        engine.runOnce();

        // then it is held without a query, and fires on time
        assertThat(engine.inMemory()).isEqualTo(1);
        assertThat(source.scans()).hasSize(1);
        EngineSteps.runEvery(engine, clock, STEP, t0 + 10_000);
        assertThat(source.fired()).containsOnlyKeys(7L);
        assertThat(source.fired().get(7L).firedAt()).isEqualTo(Instant.ofEpochMilli(t0 + 10_000));
    }

    @Test
    void aDeadlineOfferedBeyondTheLoadedWindowIsLeftToALaterLoad() {
        // given a loaded window
        DeadlineEngine engine = engine().build();
        engine.runOnce();

        // when an order is created with its deadline beyond the window
        source.add(8, t0 + 40_000);
        engine.schedule(source, 8, Instant.ofEpochMilli(t0 + 40_000));
        engine.runOnce();

        // then it is not held; the load half a horizon later brings it in, and it fires once, on time
        assertThat(engine.inMemory()).isZero();
        EngineSteps.runEvery(engine, clock, STEP, t0 + 15_000);
        assertThat(engine.inMemory()).isEqualTo(1);
        assertThat(source.scans().get(source.scans().size() - 1).returned())
                .extracting(Deadline::id)
                .containsExactly(8L);
        EngineSteps.runEvery(engine, clock, STEP, t0 + 40_000);
        assertThat(source.fired().get(8L).firedAt()).isEqualTo(Instant.ofEpochMilli(t0 + 40_000));
        assertThat(source.timesHandedToFire(8)).isEqualTo(1);
    }
}
