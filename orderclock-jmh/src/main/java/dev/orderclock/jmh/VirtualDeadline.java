package dev.orderclock.jmh;

import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Delayed} read against a clock the benchmark moves by hand, so that a
 * {@link java.util.concurrent.DelayQueue} can be driven through a minute in microseconds, as the
 * timing wheel is (its {@code advanceTo} takes the time as an argument).
 */
final class VirtualDeadline implements Delayed {

    /** The benchmark's clock: one thread reads and moves it. */
    static final class Clock {
        long nowMillis;
    }

    final long id;
    private final long dueMillis;
    private final Clock clock;

    VirtualDeadline(long id, long dueMillis, Clock clock) {
        this.id = id;
        this.dueMillis = dueMillis;
        this.clock = clock;
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(dueMillis - clock.nowMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        return Long.compare(dueMillis, ((VirtualDeadline) other).dueMillis);
    }
}
