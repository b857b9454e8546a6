package dev.orderclock.deadline;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines on, just before and just after every level boundary of the wheel (256, 65,536, 2^24
 * ticks, the top level's span 2^32 and beyond it), seen from starting points that sit on, just
 * before and just after boundaries: each comes out at its tick, not one tick sooner. The jumps span
 * up to 2^40 ticks: a wheel that walked them tick by tick would take hours, hence the time limit.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TimingWheelCascadeTest {

    private static final long TICK = 1; // one millisecond per tick: a due time is its tick number

    private static final long[] OFFSETS = {
        1,
        2,
        255,
        256,
        257,
        511,
        512,
        65_535,
        65_536,
        65_537,
        131_072,
        (1L << 24) - 1,
        1L << 24,
        (1L << 24) + 1,
        5L << 24,
        (1L << 32) - 1,
        1L << 32,
        (1L << 32) + 1,
        (1L << 32) + (1L << 24) + 256 + 1,
        3L << 32,
        (7L << 32) + 12_345,
        1L << 40,
    };

    @ParameterizedTest(name = "starting at tick {0}")
    @ValueSource(
            longs = {
                0,
                1,
                255,
                256,
                65_535,
                65_536,
                (1L << 24) - 1,
                1L << 24,
                (1L << 32) - 1,
                (1L << 32) + 77,
                1_735_689_600_000L
            })
    void releasesEachDeadlineAtItsTickAcrossLevelBoundaries(long startTick) {
        // given one deadline per offset, both relative to the start and on absolute boundaries
        TimingWheel wheel = new TimingWheel(TICK, startTick * TICK, new Capacity(1_000));
        TreeMap<Long, List<Long>> idsByDue = new TreeMap<>();
        long id = 0;
        for (long offset : OFFSETS) {
            for (long due : new long[] {startTick + offset, alignUp(startTick + 1, offset)}) {
                id++;
                wheel.schedule(id, due * TICK);
                idsByDue.computeIfAbsent(due, d -> new ArrayList<>()).add(id);
            }
        }

        // when / then: just before each due time nothing comes out, at it exactly its ids do
        for (var due : idsByDue.entrySet()) {
            List<Long> before = new ArrayList<>();
            wheel.advanceTo(due.getKey() * TICK - 1, before::add);
            List<Long> at = new ArrayList<>();
            wheel.advanceTo(due.getKey() * TICK, at::add);

            assertThat(before).as("released before %d", due.getKey()).isEmpty();
            assertThat(at).as("released at %d", due.getKey()).containsExactlyInAnyOrderElementsOf(due.getValue());
        }
        assertThat(wheel.size()).isZero();
    }

    /** The first multiple of {@code step} at or after {@code tick} (a boundary when step is a power of two). */
    private static long alignUp(long tick, long step) {
        return Math.floorDiv(tick + step - 1, step) * step;
    }
}
