package dev.orderclock.deadline;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * An inbox is made before the engine and holds no reference to it: what it is handed reaches the wheel of
 * the source it was registered for, on the engine's next step, as the engine's own retryAt and cancel do.
 */
class DeadlineInboxTest {

    private static final Duration STEP = Duration.ofMillis(10);

    private final ManualClock clock = ManualClock.at("2025-01-01T00:00:00Z");
    private final long t0 = clock.millis();
    private final FakeDeadlineSource source = new FakeDeadlineSource();
    private final DeadlineInbox inbox = new DeadlineInbox();

    @Test
    void aRetryHandedInBeforeTheEngineExistsFiresAtItsTime() {
        // given a pending deadline whose retry is handed in before any engine is built
        source.add(1, t0 + 100);
        inbox.retryAt(1, Instant.ofEpochMilli(t0 + 300));
        DeadlineEngine engine = DeadlineEngine.builder(clock)
                .source(source)
                .inbox(source, inbox)
                .horizonLoading(false)
                .build();

        // when time passes to just after the retry
        EngineSteps.runEvery(engine, clock, STEP, t0 + 500);

        // then it fired at the retry's time, not before
        assertThat(source.fired()).containsOnlyKeys(1L);
        assertThat(source.fired().get(1L).firedAt()).isEqualTo(Instant.ofEpochMilli(t0 + 300));
    }

    @Test
    void aCancelledDeadlineLeavesTheWheel() {
        // given an engine holding two loaded deadlines
        source.add(2, t0 + 300);
        source.add(3, t0 + 300);
        DeadlineEngine engine = DeadlineEngine.builder(clock)
                .source(source)
                .inbox(source, inbox)
                .build();
        engine.runOnce();

        // when one is cancelled through the inbox and time passes its deadline
        inbox.cancel(2);
        EngineSteps.runEvery(engine, clock, STEP, t0 + 500);

        // then only the other was handed to firing
        assertThat(source.timesHandedToFire(2)).isZero();
        assertThat(source.fired()).containsOnlyKeys(3L);
    }

    @Test
    void anInboxForASourceTheEngineDoesNotFireIsRefused() {
        FakeDeadlineSource other = new FakeDeadlineSource();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeadlineEngine.builder(clock)
                        .source(source)
                        .inbox(other, inbox)
                        .build());
    }
}
