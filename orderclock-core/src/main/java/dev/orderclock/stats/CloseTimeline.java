package dev.orderclock.stats;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The last {@value #SECONDS} seconds of timeouts closed here, one sample a second: how many, and
 * their close lag p50/p99/max. The dashboard draws it; memory is a fixed ring, whatever the load.
 * {@link #sample()} is what the once-a-second thread calls, and what a test calls instead.
 */
public class CloseTimeline {

    public static final int SECONDS = 300;

    /** The close lag of the timeouts closed since the previous call; called by the sampling thread only. */
    private final Supplier<CloseLag> closes;

    private final InstantSource clock;
    private final Second[] ring = new Second[SECONDS];
    private int next;
    private int size;
    private ScheduledExecutorService sampler;

    public CloseTimeline(Supplier<CloseLag> closesSinceLastSample, InstantSource clock) {
        this.closes = closesSinceLastSample;
        this.clock = clock;
    }

    /** Takes what closed since the previous sample as the second ending now. */
    public void sample() {
        CloseLag lag = closes.get();
        Second second = new Second(clock.instant(), lag.count(), lag.p50Ms(), lag.p99Ms(), lag.maxMs());
        synchronized (ring) {
            ring[next] = second;
            next = (next + 1) % SECONDS;
            size = Math.min(size + 1, SECONDS);
        }
    }

    /** The latest {@code count} samples (at most {@value #SECONDS}), oldest first. */
    public List<Second> latest(int count) {
        synchronized (ring) {
            int n = Math.min(Math.max(count, 0), size);
            List<Second> seconds = new ArrayList<>(n);
            for (int i = n; i > 0; i--) {
                seconds.add(ring[Math.floorMod(next - i, SECONDS)]);
            }
            return seconds;
        }
    }

    /** Starts the once-a-second sampling thread. */
    public synchronized void start() {
        sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "orderclock-close-timeline");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    public synchronized void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }

    /** One second of closes by timeout: when it ended, how many, and their lag in milliseconds. */
    public record Second(Instant at, long closed, long p50Ms, long p99Ms, long maxMs) {}
}
