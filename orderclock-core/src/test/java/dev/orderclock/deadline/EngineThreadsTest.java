package dev.orderclock.deadline;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine on its own threads. The first test runs on the system clock and is the only place in
 * the engine's tests that waits (bounded, on a latch the firing counts down); the second starts and
 * stops on a manual clock, where nothing needs waiting for.
 */
class EngineThreadsTest {

    @Test
    void firesEveryDeadlineOnceOnItsOwnThreadsAndStopsPromptly() throws InterruptedException {
        // given 200 deadlines pending before the start and 200 created after it, 100-1500 ms ahead
        InstantSource clock = InstantSource.system();
        FakeDeadlineSource source = new FakeDeadlineSource();
        Random random = new Random(1);
        for (long id = 1; id <= 200; id++) {
            source.add(id, clock.millis() + 100 + random.nextInt(1_400));
        }
        CountDownLatch allFired = new CountDownLatch(400);
        DeadlineEngine engine = DeadlineEngine.builder(clock)
                .source(source)
                .horizon(Duration.ofSeconds(2))
                .listener(new EngineListener() {
                    @Override
                    public void onFired(DeadlineSource from, List<Fired> fired, boolean bySweeper) {
                        fired.forEach(f -> allFired.countDown());
                    }
                })
                .build();

        // when
        engine.start();
        for (long id = 201; id <= 400; id++) {
            long due = clock.millis() + 100 + random.nextInt(1_400);
            source.add(id, due);
            engine.schedule(source, id, Instant.ofEpochMilli(due));
        }
        boolean allFiredInTime = allFired.await(10, TimeUnit.SECONDS);
        long stopping = System.nanoTime();
        engine.stop();
        Duration stopTook = Duration.ofNanos(System.nanoTime() - stopping);

        // then
        assertThat(allFiredInTime).as("all 400 fired within 10 s").isTrue();
        assertThat(source.fired()).hasSize(400);
        assertThat(source.idsHandedToFire()).hasSize(400).doesNotHaveDuplicates();
        assertThat(source.handedEarly()).isEmpty();
        assertThat(source.sweptIds()).isEmpty();
        assertThat(stopTook).isLessThan(Duration.ofSeconds(1));
        assertThat(engine.isRunning()).isFalse();
        assertThat(engine.inMemory()).isZero();
    }

    @Test
    void startingAgainAfterAStopLoadsAgainWhatTheStopDropped() {
        // given an engine that held three deadlines and was stopped
        ManualClock clock = ManualClock.at("2025-01-01T00:00:00Z");
        FakeDeadlineSource source = new FakeDeadlineSource();
        for (long id = 1; id <= 3; id++) {
            source.add(id, clock.millis() + id * 10_000);
        }
        DeadlineEngine engine = DeadlineEngine.builder(clock).source(source).build();
        engine.start();
        assertThat(engine.inMemory()).isEqualTo(3);
        engine.stop();
        assertThat(engine.inMemory()).isZero();

        // when
        engine.start();

        // then what the stop dropped is back in memory, not left for the sweeper
        try {
            assertThat(engine.inMemory()).isEqualTo(3);
        } finally {
            engine.stop();
        }
    }
}
