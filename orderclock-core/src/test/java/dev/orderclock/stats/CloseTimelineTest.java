package dev.orderclock.server.stats;

import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.Fired;
import dev.orderclock.order.PaymentTimeoutSource;
import dev.orderclock.testing.ManualClock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CloseTimelineTest {

    private final ManualClock clock = ManualClock.at("2026-11-27T03:00:00Z");
    private final CloseRecorder recorder = new CloseRecorder(new SimpleMeterRegistry());
    private final CloseTimeline timeline = new CloseTimeline(recorder, clock);
    private final DeadlineSource payments = new PaymentTimeoutSource(null);

    @Test
    void eachSampleHoldsTheClosesSinceThePreviousOne() {
        closeWithLag(10, 20, 30);
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

    @Test
    void samplingLeavesTheTotalsSinceStartUpAlone() {
        closeWithLag(5);
        timeline.sample();

        assertThat(recorder.lag().count()).isEqualTo(1);
    }

    private void closeWithLag(long... millis) {
        Instant now = clock.instant();
        List<Fired> fired = Arrays.stream(millis)
                .mapToObj(lag -> new Fired(lag, now.minusMillis(lag), now))
                .toList();
        recorder.onFired(payments, fired, false);
    }
}
