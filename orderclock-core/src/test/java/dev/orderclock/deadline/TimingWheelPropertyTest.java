package dev.orderclock.deadline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random deadlines over seconds, hours and days (some in the past, some cancelled, more
 * added as time goes), and time advanced in random steps from a millisecond to hours: every id
 * comes out exactly once, never before it is due, at the first advance that reaches its due time
 * rounded up to the tick (so less than one tick late), and in tick order within an advance.
 */
class TimingWheelPropertyTest {

    private static final long TICK = 10;
    private static final long SECOND = 1_000;
    private static final long HOUR = 3_600 * SECOND;
    private static final long DAY = 24 * HOUR;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2025})
    void releasesEveryIdOnceAtTheFirstAdvanceThatReachesItsTick(long seed) {
        // given
        Random random = new Random(seed);
        long start = 1_735_689_600_000L + random.nextInt(1_000); // not on a tick boundary
        Capacity capacity = new Capacity(100_000);
        TimingWheel wheel = new TimingWheel(TICK, start, capacity);
        Map<Long, Long> dueById = new HashMap<>();
        Set<Long> cancelled = new HashSet<>();
        Set<Long> released = new HashSet<>();
        Set<Long> overdueWhenScheduled = new HashSet<>();
        long nextId = 1;
        for (; nextId <= 3_000; nextId++) {
            long due = start + randomDelay(random);
            wheel.schedule(nextId, due);
            dueById.put(nextId, due);
            if (ceilTick(due) * TICK <= start) {
                overdueWhenScheduled.add(nextId);
            }
        }

        // when time moves in random steps, with schedules and cancels in between
        long previous = start;
        long now = start;
        while (now < start + 4 * DAY) {
            now += randomStep(random);
            List<Long> out = new ArrayList<>();
            wheel.advanceTo(now, out::add);

            // then
            assertReleasedOnTime(out, dueById, overdueWhenScheduled, previous, now);
            for (long id : out) {
                assertThat(released.add(id)).as("id %d released twice", id).isTrue();
            }
            assertThat(out).as("cancelled ids released").noneMatch(cancelled::contains);
            assertThat(leftBehind(dueById, released, cancelled, now))
                    .as("left behind at %d", now)
                    .isEmpty();
            assertThat(wheel.size()).isEqualTo(dueById.size() - released.size() - cancelled.size());

            capacity.release(out.size());
            previous = now;
            for (int i = random.nextInt(20); i > 0; i--, nextId++) {
                long due = now + randomDelay(random);
                wheel.schedule(nextId, due);
                dueById.put(nextId, due);
                if (ceilTick(due) * TICK <= now) {
                    overdueWhenScheduled.add(nextId);
                }
            }
            for (int i = random.nextInt(5); i > 0; i--) {
                long id = 1 + random.nextLong(nextId - 1);
                if (wheel.cancel(id)) {
                    cancelled.add(id);
                }
            }
        }
        wheel.advanceTo(now + 4 * DAY, released::add);

        // then every id not cancelled came out, once
        assertThat(released.size() + cancelled.size()).isEqualTo(dueById.size());
        assertThat(wheel.size()).isZero();
    }

    /**
     * Each id was due at {@code now}, had not been reachable at the previous advance (unless it was
     * scheduled after it, already overdue), and came out in tick order: the overdue ones first.
     */
    private static void assertReleasedOnTime(
            List<Long> out, Map<Long, Long> dueById, Set<Long> overdueWhenScheduled, long previous, long now) {
        long lastTick = Long.MIN_VALUE;
        boolean pastTheOverdue = false;
        for (long id : out) {
            long due = dueById.get(id);
            assertThat(due).as("id %d released early at %d", id, now).isLessThanOrEqualTo(now);
            if (overdueWhenScheduled.contains(id)) {
                assertThat(pastTheOverdue)
                        .as("id %d, overdue when scheduled, released after others", id)
                        .isFalse();
                continue;
            }
            pastTheOverdue = true;
            assertThat(ceilTick(due) * TICK)
                    .as("id %d was reachable at %d already", id, previous)
                    .isGreaterThan(previous);
            assertThat(ceilTick(due)).as("id %d out of tick order", id).isGreaterThanOrEqualTo(lastTick);
            lastTick = ceilTick(due);
        }
    }

    /** Ids neither released nor cancelled whose tick {@code now} has reached. */
    private static List<Long> leftBehind(Map<Long, Long> dueById, Set<Long> released, Set<Long> cancelled, long now) {
        List<Long> left = new ArrayList<>();
        dueById.forEach((id, due) -> {
            if (ceilTick(due) * TICK <= now && !released.contains(id) && !cancelled.contains(id)) {
                left.add(id);
            }
        });
        return left;
    }

    /** A third of the deadlines within seconds (a few in the past), a third within hours, a third within days. */
    private static long randomDelay(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextLong(-5 * SECOND, 10 * SECOND);
            case 1 -> random.nextLong(6 * HOUR);
            default -> random.nextLong(3 * DAY);
        };
    }

    /** Log-uniform from 1 ms to 2 hours: many small steps, some that cross many ticks and levels at once. */
    private static long randomStep(Random random) {
        return (long) Math.exp(random.nextDouble() * Math.log(2 * HOUR));
    }

    private static long ceilTick(long millis) {
        return -Math.floorDiv(-millis, TICK);
    }
}
