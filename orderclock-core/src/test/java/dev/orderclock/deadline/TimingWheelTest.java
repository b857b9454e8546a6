package dev.orderclock.deadline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The wheel's contract, one behaviour at a time: due order, cancel, the capacity cap, drain, time jumps. */
class TimingWheelTest {

    private static final long TICK = 10;
    private static final long START = 1_735_689_600_000L; // 2025-01-01T00:00:00Z, a tick boundary

    private final Capacity capacity = new Capacity(1_000);
    private final TimingWheel wheel = new TimingWheel(TICK, START, capacity);

    @Test
    void releasesNothingBeforeItsDeadline() {
        // given
        wheel.schedule(1, START + 1_000);

        // when
        List<Long> early = advanceTo(START + 999);
        List<Long> onTime = advanceTo(START + 1_000);

        // then
        assertThat(early).isEmpty();
        assertThat(onTime).containsExactly(1L);
    }

    @Test
    void roundsADeadlineUpToItsTickSoItIsLateByLessThanATickAndNeverEarly() {
        // given
        wheel.schedule(1, START + 1_001);

        // when
        List<Long> atDue = advanceTo(START + 1_001);
        List<Long> justBeforeTheTick = advanceTo(START + 1_009);
        List<Long> atTheTick = advanceTo(START + 1_010);

        // then
        assertThat(atDue).isEmpty();
        assertThat(justBeforeTheTick).isEmpty();
        assertThat(atTheTick).containsExactly(1L);
    }

    @Test
    void releasesInDueOrderByTick() {
        // given
        wheel.schedule(3, START + 3_000);
        wheel.schedule(1, START + 10);
        wheel.schedule(4, START + 70_000_000);
        wheel.schedule(2, START + 2_560);

        // when
        List<Long> released = advanceTo(START + 100_000_000);

        // then
        assertThat(released).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void releasesAnIdScheduledInThePastWithTheNextAdvance() {
        // given
        advanceTo(START + 5_000);
        wheel.schedule(1, START + 1_000);
        wheel.schedule(2, START + 5_000);

        // when
        List<Long> released = advanceTo(START + 5_000);

        // then
        assertThat(released).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void keepsOneEntryWhenAnIdIsScheduledTwice() {
        // given
        wheel.schedule(1, START + 1_000);

        // when
        boolean again = wheel.schedule(1, START + 2_000);

        // then
        assertThat(again).isTrue();
        assertThat(wheel.size()).isEqualTo(1);
        assertThat(capacity.used()).isEqualTo(1);
        assertThat(advanceTo(START + 1_000)).containsExactly(1L);
        assertThat(advanceTo(START + 10_000)).isEmpty();
    }

    @Test
    void cancelForgetsAHeldIdAndGivesItsPlaceBack() {
        // given
        wheel.schedule(1, START + 1_000);
        wheel.schedule(2, START + 1_000);

        // when
        boolean cancelled = wheel.cancel(1);

        // then
        assertThat(cancelled).isTrue();
        assertThat(wheel.contains(1)).isFalse();
        assertThat(capacity.used()).isEqualTo(1);
        assertThat(advanceTo(START + 1_000)).containsExactly(2L);
    }

    @Test
    void cancelOfAnIdNotHeldChangesNothing() {
        // given
        wheel.schedule(1, START + 1_000);

        // when
        boolean cancelled = wheel.cancel(2);

        // then
        assertThat(cancelled).isFalse();
        assertThat(capacity.used()).isEqualTo(1);
        assertThat(wheel.size()).isEqualTo(1);
    }

    @Test
    void cancelAfterExpiryLeavesThePlaceToTheFiring() {
        // given an id released and being fired
        wheel.schedule(1, START + 1_000);
        advanceTo(START + 1_000);

        // when
        boolean cancelled = wheel.cancel(1);

        // then its place is still taken until the firing gives it back
        assertThat(cancelled).isFalse();
        assertThat(capacity.used()).isEqualTo(1);
    }

    @Test
    void cancelOfAnIdDueAtTheNextAdvanceSparesIt() {
        // given an id scheduled in the past, waiting on the due list
        advanceTo(START + 5_000);
        wheel.schedule(1, START + 1_000);
        wheel.schedule(2, START + 1_000);

        // when
        wheel.cancel(1);

        // then
        assertThat(advanceTo(START + 5_000)).containsExactly(2L);
    }

    @Test
    void refusesAtCapacityChangingNothing() {
        // given
        Capacity small = new Capacity(2);
        TimingWheel full = new TimingWheel(TICK, START, small);
        full.schedule(1, START + 1_000);
        full.schedule(2, START + 2_000);

        // when
        boolean accepted = full.schedule(3, START + 500);

        // then
        assertThat(accepted).isFalse();
        assertThat(full.contains(3)).isFalse();
        assertThat(full.size()).isEqualTo(2);
        assertThat(small.used()).isEqualTo(2);
        List<Long> released = new ArrayList<>();
        full.advanceTo(START + 10_000, released::add);
        assertThat(released).containsExactly(1L, 2L);
    }

    @Test
    void acceptsAgainOncePlacesAreGivenBackByCancelOrDrain() {
        // given
        Capacity small = new Capacity(2);
        TimingWheel full = new TimingWheel(TICK, START, small);
        full.schedule(1, START + 1_000);
        full.schedule(2, START + 2_000);

        // when / then
        full.cancel(1);
        assertThat(full.schedule(3, START + 3_000)).isTrue();
        assertThat(full.schedule(4, START + 4_000)).isFalse();
        full.drain(id -> {});
        assertThat(small.used()).isZero();
        assertThat(full.schedule(4, START + 4_000)).isTrue();
        assertThat(full.schedule(5, START + 5_000)).isTrue();
    }

    @Test
    void drainHandsOverExactlyWhatNeverFired() {
        // given
        for (long id = 1; id <= 100; id++) {
            wheel.schedule(id, START + id * 1_000);
        }
        wheel.cancel(50);
        List<Long> fired = advanceTo(START + 30_000);
        advanceTo(START + 40_000); // and keep ids 31..40 "being fired": their places stay taken
        capacity.release(fired.size());

        // when
        List<Long> remaining = new ArrayList<>();
        wheel.drain(remaining::add);

        // then
        assertThat(fired).hasSize(30);
        assertThat(remaining)
                .hasSize(59)
                .doesNotContainAnyElementsOf(fired)
                .doesNotContain(50L)
                .allMatch(id -> id > 40);
        assertThat(wheel.size()).isZero();
        assertThat(capacity.used()).isEqualTo(10);
        assertThat(advanceTo(START + 1_000_000)).isEmpty();
    }

    @Test
    void jumpsFarAheadOnAnEmptyWheelAndStillReleasesOnTimeAfterwards() {
        // given
        advanceTo(START + 400L * 24 * 3_600_000);
        long now = START + 400L * 24 * 3_600_000;

        // when
        wheel.schedule(1, now + 10);
        wheel.schedule(2, now + 300_000);

        // then
        assertThat(advanceTo(now + 9)).isEmpty();
        assertThat(advanceTo(now + 10)).containsExactly(1L);
        assertThat(advanceTo(now + 299_999)).isEmpty();
        assertThat(advanceTo(now + 300_000)).containsExactly(2L);
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // walking each tick of two years took 25 s
    void jumpsFarAheadOnANonEmptyWheelReleasingEverythingPassedInOrder() {
        // given deadlines from seconds to two years ahead
        long day = 24 * 3_600_000L;
        wheel.schedule(4, START + 2 * 365 * day);
        wheel.schedule(1, START + 1_000);
        wheel.schedule(3, START + 30 * day);
        wheel.schedule(2, START + day);

        // when
        List<Long> firstJump = advanceTo(START + 100 * day);
        List<Long> secondJump = advanceTo(START + 3 * 365 * day);

        // then
        assertThat(firstJump).containsExactly(1L, 2L, 3L);
        assertThat(secondJump).containsExactly(4L);
    }

    @Test
    void goingBackInTimeReleasesNothingNew() {
        // given
        wheel.schedule(1, START + 1_000);
        advanceTo(START + 500);

        // when
        List<Long> released = advanceTo(START + 100);

        // then
        assertThat(released).isEmpty();
        assertThat(advanceTo(START + 1_000)).containsExactly(1L);
    }

    private List<Long> advanceTo(long nowMillis) {
        List<Long> released = new ArrayList<>();
        wheel.advanceTo(nowMillis, released::add);
        return released;
    }
}
