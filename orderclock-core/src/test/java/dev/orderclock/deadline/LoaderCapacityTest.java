package dev.orderclock.deadline;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loader against the capacity cap: a load the cap cuts short goes on later from its frontier,
 * an offer the cap refuses pulls the frontier back so a later load reads it again, and a refusal
 * during a load in pages does not stop the load from moving on.
 */
class LoaderCapacityTest {

    private static final Duration HORIZON = Duration.ofSeconds(30);
    private static final Duration STEP = Duration.ofMillis(100);
    private static final long TICK = DeadlineEngine.DEFAULT_TICK.toMillis();

    private final ManualClock clock = ManualClock.at("2025-01-01T00:00:00Z");
    private final long t0 = clock.millis();
    private final FakeDeadlineSource source = new FakeDeadlineSource();

    @Test
    void aLoadCutShortByTheCapGoesOnLaterWithoutLosingOrRepeatingAnything() {
        // given twelve deadlines in the window, one a second, and room for five
        for (long id = 1; id <= 12; id++) {
            source.add(id, t0 + id * 1_000);
        }
        DeadlineEngine engine = DeadlineEngine.builder(clock)
                .source(source)
                .horizon(HORIZON)
                .maxInMemory(5)
                .build();

        // when
        engine.runOnce();

        // then the first load stops at the cap
        assertThat(engine.inMemory()).isEqualTo(5);
        assertThat(source.scans())
                .singleElement()
                .satisfies(scan -> assertThat(scan.limit()).isEqualTo(5));

        // and as firing frees room, later loads go on from there: each fires once, on time
        EngineSteps.runEvery(
                engine,
                clock,
                STEP,
                t0 + 13_000,
                () -> assertThat(engine.inMemory()).isLessThanOrEqualTo(5));
        assertThat(source.fired()).hasSize(12);
        assertThat(source.idsHandedToFire())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
        source.fired()
                .values()
                .forEach(fired -> assertThat(fired.firedAt())
                        .isBetween(fired.due(), fired.due().plusMillis(TICK + STEP.toMillis())));
        assertThat(source.sweptIds()).isEmpty();
    }

    @Test
    void anOfferRefusedAtTheCapPullsTheFrontierBackSoALaterLoadFindsIt() {
        // given a complete load of three, room for one more, taken by an offer
        source.add(1, t0 + 1_000);
        source.add(2, t0 + 2_000);
        source.add(3, t0 + 3_000);
        DeadlineEngine engine = DeadlineEngine.builder(clock)
                .source(source)
                .horizon(HORIZON)
                .maxInMemory(4)
                .build();
        engine.runOnce();
        source.add(4, t0 + 10_000);
        engine.schedule(source, 4, Instant.ofEpochMilli(t0 + 10_000));

        // when an order is created inside the loaded window with no room left
        source.add(5, t0 + 20_000);
        engine.schedule(source, 5, Instant.ofEpochMilli(t0 + 20_000));
        engine.runOnce();

        // then it is not held now
        assertThat(engine.inMemory()).isEqualTo(4);

        // but the next load reads it again (from below it), and it fires on time, by the wheel
        EngineSteps.runEvery(engine, clock, STEP, t0 + 21_000);
        assertThat(source.scans().get(1).after()).isEqualTo(new Deadline(5, t0 + 20_000).predecessor());
        assertThat(source.fired()).containsOnlyKeys(1L, 2L, 3L, 4L, 5L);
        assertThat(source.fired().get(5L).firedAt()).isEqualTo(Instant.ofEpochMilli(t0 + 20_000));
        assertThat(source.idsHandedToFire()).doesNotHaveDuplicates();
        assertThat(source.sweptIds()).isEmpty();
    }

    @Test
    void aLoadInPagesMovesOnPastAnOfferRefusedWhileAPageWasRead() {
        // given a loaded window, then the shared capacity mostly taken by batches being fired
        Capacity capacity = new Capacity(10);
        SourceTrack track = new SourceTrack(source, new TimingWheel(TICK, t0, capacity));
        HorizonLoader loader = new HorizonLoader(
                clock, new Ticker(), capacity, EngineListener.NONE, HORIZON, 3, Duration.ofSeconds(3));
        source.add(1, t0 + 1_000);
        source.add(2, t0 + 2_000);
        loader.loadAll(List.of(track));
        for (int i = 0; i < 5; i++) {
            capacity.tryAcquire();
        }
        clock.advance(HORIZON.dividedBy(2));
        for (long id = 11; id <= 16; id++) {
            source.add(id, t0 + 30_000 + (id - 10) * 1_000);
        }

        // when, while the first page is read, the last places go (another source's offers), an order
        // is created inside the loaded window and refused, and then the batches finish
        source.duringNextScan(true, () -> {
            for (int i = 0; i < 3; i++) {
                capacity.tryAcquire();
            }
            track.offer(source.add(9, t0 + 20_000));
            capacity.release(8);
        });
        source.failAfterScans(12);
        boolean complete = loader.loadAll(List.of(track));

        // then the load reads the refused one again and goes on to the end of the window
        assertThat(complete).isTrue();
        assertThat(track.frontier()).isEqualTo(Deadline.endOf(t0 + 45_000));
        assertThat(track.wheel.size()).isEqualTo(9);
        assertThat(track.wheel.contains(9)).isTrue();
        assertThat(source.scans()).hasSizeLessThanOrEqualTo(6);
    }
}
