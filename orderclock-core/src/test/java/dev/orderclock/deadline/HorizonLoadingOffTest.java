package dev.orderclock.deadline;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cluster mode's engine: with horizon loading off it never scans the sources, fires only what it is
 * handed through {@code retryAt}, and its sweeper still claims what nobody fired.
 */
class HorizonLoadingOffTest {

    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration STEP = Duration.ofMillis(10);

    private final ManualClock clock = ManualClock.at("2025-01-01T00:00:00Z");
    private final long t0 = clock.millis();
    private final FakeDeadlineSource source = new FakeDeadlineSource();
    private final DeadlineEngine engine = DeadlineEngine.builder(clock)
            .source(source)
            .horizon(Duration.ofSeconds(30))
            .grace(GRACE)
            .horizonLoading(false)
            .build();

    @Test
    void firesWhatItIsHandedOnTimeAndNeverScans() {
        // given two pending deadlines, one handed to the wheel as a near-due message would be
        source.add(1, t0 + 300);
        source.add(2, t0 + 400);
        engine.retryAt(source, 1, Instant.ofEpochMilli(t0 + 300));

        // when time passes to just after both are due
        EngineSteps.runEvery(engine, clock, STEP, t0 + 500);

        // then the handed one fired at its due time, the other waits for whoever fires it, and no scan ran
        assertThat(source.fired()).containsOnlyKeys(1L);
        assertThat(source.fired().get(1L).firedAt()).isEqualTo(Instant.ofEpochMilli(t0 + 300));
        assertThat(source.scans()).isEmpty();
    }

    @Test
    void theSweeperStillClaimsWhatNobodyFired() {
        // given a deadline whose message was lost
        source.add(7, t0 + 1_000);

        // when the grace has passed for it
        EngineSteps.runEvery(engine, clock, Duration.ofMillis(100), t0 + 1_100 + GRACE.toMillis());

        // then the sweeper closed it, and nothing was ever scanned
        assertThat(source.sweptIds()).containsExactly(7L);
        assertThat(source.scans()).isEmpty();
    }
}
