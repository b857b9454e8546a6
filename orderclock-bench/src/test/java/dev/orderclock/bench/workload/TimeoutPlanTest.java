package dev.orderclock.bench.workload;

import org.junit.jupiter.api.Test;

import java.time.Instant;

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
}
