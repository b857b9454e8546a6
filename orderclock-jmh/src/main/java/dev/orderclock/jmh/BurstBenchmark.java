package dev.orderclock.jmh;

import dev.orderclock.deadline.Capacity;
import dev.orderclock.deadline.TimingWheel;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A flash sale: 100,000 deadlines that all fall due within the same tick, scheduled and then
 * expired at once. One operation is one deadline scheduled and expired. The wheel and DelayQueue run
 * on virtual time; HashedWheelTimer on its own worker thread and the real clock, with a 1 ms tick so
 * that waiting for the tick weighs little against expiring 100,000 timeouts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BurstBenchmark {

    static final int DEADLINES = 100_000;
    static final long TICK_MILLIS = 10;

    private final Deadlines deadlines = new Deadlines(DEADLINES, TICK_MILLIS);
    private final LongAdder fired = new LongAdder();
    private Timer hashedWheelTimer;
    private long expired;

    @Setup
    public void startTimer() {
        hashedWheelTimer = new HashedWheelTimer(1, TimeUnit.MILLISECONDS, 512);
    }

    @TearDown
    public void stopTimer() {
        hashedWheelTimer.stop();
    }

    @Benchmark
    @OperationsPerInvocation(DEADLINES)
    public long timingWheel() {
        TimingWheel wheel = new TimingWheel(TICK_MILLIS, 0, new Capacity(Long.MAX_VALUE));
        for (int i = 0; i < DEADLINES; i++) {
            wheel.schedule(deadlines.ids[i], deadlines.dueMillis[i]);
        }
        expired = 0;
        wheel.advanceTo(TICK_MILLIS, id -> expired++);
        return check(expired);
    }

    @Benchmark
    @OperationsPerInvocation(DEADLINES)
    public long delayQueue() {
        VirtualDeadline.Clock clock = new VirtualDeadline.Clock();
        DelayQueue<VirtualDeadline> queue = new DelayQueue<>();
        for (int i = 0; i < DEADLINES; i++) {
            queue.add(new VirtualDeadline(deadlines.ids[i], deadlines.dueMillis[i], clock));
        }
        clock.nowMillis = TICK_MILLIS;
        long count = 0;
        while (queue.poll() != null) {
            count++;
        }
        return check(count);
    }

    @Benchmark
    @OperationsPerInvocation(DEADLINES)
    public long hashedWheelTimer() {
        fired.reset();
        for (int i = 0; i < DEADLINES; i++) {
            hashedWheelTimer.newTimeout(timeout -> fired.increment(), 0, TimeUnit.MILLISECONDS);
        }
        while (fired.sum() < DEADLINES) {
            LockSupport.parkNanos(10_000);
        }
        return check(fired.sum());
    }

    private static long check(long count) {
        if (count != DEADLINES) {
            throw new IllegalStateException("expired " + count + " of " + DEADLINES);
        }
        return count;
    }
}
