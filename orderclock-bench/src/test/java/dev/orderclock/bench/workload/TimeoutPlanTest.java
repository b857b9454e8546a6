package dev.orderclock.bench.workload;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TimeoutPlanTest {

    @Test
    void ordersCreatedAtDifferentMomentsAllFallDueWithinTheTargetSecond() {
        Instant target = Instant.parse("2026-11-24T19:50:00Z");
        TimeoutPlan plan = TimeoutPlan.dueWithinSecondOf(target);

        for (long ms = 0; ms < 60_000; ms += 7) {
            Instant now = target.minusSeconds(60).plusMillis(ms);
            Instant deadline = now.plusSeconds(plan.secondsFor(now));
            assertThat(deadline).isAfterOrEqualTo(target).isBefore(target.plusSeconds(1));
        }
    }

    @Test
    void aWindowSpreadsTheDeadlinesOverItsWholeSecondsAndNoFurther() {
        Instant target = Instant.parse("2026-11-24T19:50:00Z");
        TimeoutPlan plan = TimeoutPlan.dueWithin(target, 10);
        Set<Long> seconds = new HashSet<>();

        for (long ms = 0; ms < 60_000; ms += 7) {
            Instant now = target.minusSeconds(60).plusMillis(ms);
            Instant deadline = now.plusSeconds(plan.secondsFor(now));
            assertThat(deadline).isAfterOrEqualTo(target).isBefore(target.plusSeconds(10));
            seconds.add(deadline.getEpochSecond() - target.getEpochSecond());
        }
        assertThat(seconds).hasSize(10);
    }
}
