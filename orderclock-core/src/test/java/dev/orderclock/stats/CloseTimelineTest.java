package dev.orderclock.stats;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

class CloseTimelineTest {

    private static final CloseLag NONE = new CloseLag(0, 0, 0, 0);

    private final ManualClock clock = ManualClock.at("2026-11-27T03:00:00Z");
    /** What the recorder reports as closed since the previous sample, one entry per sample; then nothing. */
    private final Queue<CloseLag> sinceLastSample = new ArrayDeque<>();

    private final CloseTimeline timeline =
            new CloseTimeline(() -> sinceLastSample.isEmpty() ? NONE : sinceLastSample.remove(), clock);

    @Test
    void eachSampleHoldsTheClosesSinceThePreviousOne() {
        sinceLastSample.add(new CloseLag(20, 30, 30, 3));
        clock.advance(Duration.ofSeconds(1));
        timeline.sample();
        clock.advance(Duration.ofSeconds(1));
        timeline.sample();

        List<CloseTimeline.Second> seconds = timeline.latest(10);

        assertThat(seconds).hasSize(2);
        assertThat(seconds.get(0))
                .isEqualTo(new CloseTimeline.Second(clock.instant().minusSeconds(1), 3, 20, 30, 30));
        assertThat(seconds.get(1).closed()).isZero();
    }

    @Test
    void theTimelineKeepsTheLatestFiveMinutesOldestFirst() {
        for (int i = 0; i < CloseTimeline.SECONDS + 20; i++) {
            clock.advance(Duration.ofSeconds(1));
            timeline.sample();
        }

        List<CloseTimeline.Second> seconds = timeline.latest(1_000);

        assertThat(seconds).hasSize(CloseTimeline.SECONDS);
        assertThat(seconds.get(seconds.size() - 1).at()).isEqualTo(clock.instant());
        assertThat(seconds.get(0).at()).isEqualTo(clock.instant().minusSeconds(CloseTimeline.SECONDS - 1));
    }
}
