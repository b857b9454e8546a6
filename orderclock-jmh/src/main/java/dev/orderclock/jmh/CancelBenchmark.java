package dev.orderclock.jmh;

import dev.orderclock.deadline.Capacity;
import dev.orderclock.deadline.TimingWheel;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
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

/**
 * Most orders are paid: their deadline is scheduled and then cancelled, never fired. Schedule 20,000
 * deadlines spread over 30 minutes, then cancel every one. One operation is one schedule and one
 * cancel. DelayQueue's remove is a linear search, which is why the count is modest; the timing
 * wheel cancels through its id index and HashedWheelTimer marks the timeout and lets its worker
 * thread unlink it on its next tick (that work runs beside the benchmark thread, on the other core).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CancelBenchmark {

    static final int DEADLINES = 20_000;
    static final long SPAN_MILLIS = 30 * 60_000;

    private final Deadlines deadlines = new Deadlines(DEADLINES, SPAN_MILLIS);
    private final Timeout[] timeouts = new Timeout[DEADLINES];
    private final VirtualDeadline[] queued = new VirtualDeadline[DEADLINES];
    private Timer hashedWheelTimer;

    @Setup
    public void startTimer() {
        // Netty's defaults but a 10 ms tick, the engine's own.
        hashedWheelTimer = new HashedWheelTimer(10, TimeUnit.MILLISECONDS, 512);
    }

    @TearDown
    public void stopTimer() {
        hashedWheelTimer.stop();
    }

    @Benchmark
    @OperationsPerInvocation(DEADLINES)
    public int timingWheel() {
        TimingWheel wheel = new TimingWheel(10, 0, new Capacity(Long.MAX_VALUE));
        for (int i = 0; i < DEADLINES; i++) {
            wheel.schedule(deadlines.ids[i], deadlines.dueMillis[i]);
        }
        for (int i = 0; i < DEADLINES; i++) {
            wheel.cancel(deadlines.ids[i]);
        }
        return wheel.size();
    }

    @Benchmark
    @OperationsPerInvocation(DEADLINES)
    public int delayQueue() {
        VirtualDeadline.Clock clock = new VirtualDeadline.Clock();
        DelayQueue<VirtualDeadline> queue = new DelayQueue<>();
        for (int i = 0; i < DEADLINES; i++) {
            queued[i] = new VirtualDeadline(deadlines.ids[i], deadlines.dueMillis[i], clock);
            queue.add(queued[i]);
        }
        for (int i = 0; i < DEADLINES; i++) {
            queue.remove(queued[i]);
        }
        return queue.size();
    }

    @Benchmark
    @OperationsPerInvocation(DEADLINES)
    public int hashedWheelTimer() {
        for (int i = 0; i < DEADLINES; i++) {
            timeouts[i] = hashedWheelTimer.newTimeout(timeout -> {}, deadlines.dueMillis[i], TimeUnit.MILLISECONDS);
        }
        int cancelled = 0;
        for (int i = 0; i < DEADLINES; i++) {
            if (timeouts[i].cancel()) {
                cancelled++;
            }
        }
        return cancelled;
    }
}
