package dev.orderclock.jdbc;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches threads whose names start with a prefix, by sampling their stacks, and measures the longest
 * time any one of them stayed inside the JDBC driver without coming out: how long a stalled database
 * held a thread. Sampled, so a stretch is known to within the sampling interval.
 */
final class DatabaseWaits implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 20;

    private final String threadPrefix;
    private final String driverPackage;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final Map<Long, Long> insideSince = new HashMap<>();
    private long longestMillis;

    private DatabaseWaits(String threadPrefix, String driverPackage) {
        this.threadPrefix = threadPrefix;
        this.driverPackage = driverPackage;
    }

    static DatabaseWaits watch(String threadPrefix, String driverPackage) {
        DatabaseWaits waits = new DatabaseWaits(threadPrefix, driverPackage);
        waits.sampler.scheduleAtFixedRate(waits::sample, 0, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        return waits;
    }

    /** The longest stretch seen so far, counting a thread still inside up to now. */
    synchronized Duration longest() {
        long now = System.nanoTime() / 1_000_000;
        long longest = longestMillis;
        for (long since : insideSince.values()) {
            longest = Math.max(longest, now - since);
        }
        return Duration.ofMillis(longest);
    }

    private synchronized void sample() {
        long now = System.nanoTime() / 1_000_000;
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (!thread.getName().startsWith(threadPrefix)) {
                return;
            }
            boolean inside =
                    Arrays.stream(stack).anyMatch(frame -> frame.getClassName().startsWith(driverPackage));
            if (inside) {
                insideSince.putIfAbsent(thread.getId(), now);
            } else {
                Long since = insideSince.remove(thread.getId());
                if (since != null) {
                    longestMillis = Math.max(longestMillis, now - since);
                }
            }
        });
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
