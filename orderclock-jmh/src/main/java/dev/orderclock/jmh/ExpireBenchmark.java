package dev.orderclock.jmh;

import dev.orderclock.deadline.Capacity;
import dev.orderclock.deadline.TimingWheel;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.TimeUnit;

/**
 * Schedule 100,000 deadlines spread over a minute, then let the minute pass in 10 ms steps (the
 * engine's tick), collecting every deadline as it falls due. One operation is one deadline scheduled
 * and expired. Time is virtual for both structures, so this measures the structure, not a clock.
 * Netty's HashedWheelTimer is not here: its worker thread reads the real clock, so it cannot be
 * walked through a minute; {@link BurstBenchmark} and {@link CancelBenchmark} compare it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExpireBenchmark {

    static final int DEADLINES = 100_000;
    static final long SPAN_MILLIS = 60_000;
    static final long TICK_MILLIS = 10;

    private final Deadlines deadlines = new Deadlines(DEADLINES, SPAN_MILLIS);
    private long expired;

    @Benchmark
    @OperationsPerInvocation(DEADLINES)
    public long timingWheel() {
        TimingWheel wheel = new TimingWheel(TICK_MILLIS, 0, new Capacity(Long.MAX_VALUE));
        for (int i = 0; i < deadlines.count(); i++) {
            wheel.schedule(deadlines.ids[i], deadlines.dueMillis[i]);
        }
        expired = 0;
        for (long now = TICK_MILLIS; now <= SPAN_MILLIS + TICK_MILLIS; now += TICK_MILLIS) {
            wheel.advanceTo(now, id -> expired++);
        }
        return check(expired);
    }

    @Benchmark
    @OperationsPerInvocation(DEADLINES)
    public long delayQueue() {
        VirtualDeadline.Clock clock = new VirtualDeadline.Clock();
        DelayQueue<VirtualDeadline> queue = new DelayQueue<>();
        for (int i = 0; i < deadlines.count(); i++) {
            queue.add(new VirtualDeadline(deadlines.ids[i], deadlines.dueMillis[i], clock));
        }
        long count = 0;
        for (long now = TICK_MILLIS; now <= SPAN_MILLIS + TICK_MILLIS; now += TICK_MILLIS) {
            clock.nowMillis = now;
            while (queue.poll() != null) {
                count++;
            }
        }
        return check(count);
    }

    /** A structure that lost or kept a deadline would look fast: refuse the result instead. */
    static long check(long expired) {
        if (expired != DEADLINES) {
            throw new IllegalStateException("expired " + expired + " of " + DEADLINES);
        }
        return expired;
    }
}
