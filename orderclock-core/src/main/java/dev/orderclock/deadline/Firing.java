package dev.orderclock.deadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fires batches of due deadlines, one transaction per batch. A batch that fails goes back to the
 * wheel to be tried again after {@code retryDelay}: the deadlines stay in memory, so they fire as
 * soon as the database answers again, and the sweeper stands behind them in any case.
 */
final class Firing {

    private static final Logger log = LoggerFactory.getLogger(Firing.class);
    private static final long FAILURE_LOG_INTERVAL_MILLIS = 10_000;

    private final InstantSource clock;
    private final Capacity capacity;
    private final EngineListener listener;
    private final Ticker ticker;
    private final Duration retryDelay;
    private final AtomicLong lastFailureLogged = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong failuresSinceLog = new AtomicLong();
    /** Batches handed to the executor that no thread has started yet. */
    private final AtomicInteger waiting = new AtomicInteger();

    Firing(InstantSource clock, Capacity capacity, EngineListener listener, Ticker ticker, Duration retryDelay) {
        this.clock = clock;
        this.capacity = capacity;
        this.listener = listener;
        this.ticker = ticker;
        this.retryDelay = retryDelay;
    }

    void fire(SourceTrack track, long[] ids, Executor executor) {
        waiting.incrementAndGet();
        try {
            executor.execute(() -> {
                waiting.decrementAndGet();
                fireNow(track, ids);
            });
        } catch (RejectedExecutionException e) {
            waiting.decrementAndGet();
            throw e;
        }
    }

    /** Whether batches are queued behind the firing threads: the database is the bottleneck right now. */
    boolean backlogged() {
        return waiting.get() > 0;
    }

    private void fireNow(SourceTrack track, long[] ids) {
        try {
            List<Fired> fired;
            try {
                fired = track.source.fire(ids, clock.instant());
            } catch (RuntimeException e) {
                retryLater(track, ids, e);
                return;
            }
            notifyQuietly(track, fired);
        } finally {
            capacity.release(ids.length);
        }
    }

    private void retryLater(SourceTrack track, long[] ids, RuntimeException cause) {
        logFailure(track, ids.length, cause);
        listener.onFireFailed(track.source, ids.length, cause);
        long retryAt = clock.millis() + retryDelay.toMillis();
        ticker.submit(() -> {
            for (long id : ids) {
                track.retry(id, retryAt);
            }
        });
    }

    /** The transaction has committed: a failing listener must not make it look failed and retried. */
    private void notifyQuietly(SourceTrack track, List<Fired> fired) {
        try {
            listener.onFired(track.source, fired, false);
        } catch (RuntimeException e) {
            log.warn("engine listener failed on {} fired deadlines of {}: {}", fired.size(), track.source.name(), e.toString());
        }
    }

    private void logFailure(SourceTrack track, int deadlines, RuntimeException e) {
        long failures = failuresSinceLog.incrementAndGet();
        long now = clock.millis();
        long last = lastFailureLogged.get();
        if (now - last >= FAILURE_LOG_INTERVAL_MILLIS && lastFailureLogged.compareAndSet(last, now)) {
            failuresSinceLog.set(0);
            log.warn("firing {} deadlines of {} failed ({} failed batches in the last {} s), retrying in {} ms: {}",
                    deadlines, track.source.name(), failures, FAILURE_LOG_INTERVAL_MILLIS / 1000,
                    retryDelay.toMillis(), e.toString());
        }
    }
}
