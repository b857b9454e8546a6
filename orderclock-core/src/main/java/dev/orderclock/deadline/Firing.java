package dev.orderclock.deadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fires due deadlines from the {@link DueQueues}, one transaction per batch. Workers are long-lived:
 * each takes whatever its source's queue holds, up to the batch size, so the busier the engine, the
 * larger each transaction, and a backlog catches up instead of paying one commit per tick.
 *
 * <p>A batch that fails goes back to the wheel to be tried again after {@code retryDelay}: the
 * deadlines stay in memory, so they fire as soon as the database answers again, and the sweeper
 * stands behind them in any case.
 */
final class Firing {

    private static final Logger log = LoggerFactory.getLogger(Firing.class);
    private static final long FAILURE_LOG_INTERVAL_MILLIS = 10_000;

    private final InstantSource clock;
    private final Capacity capacity;
    private final EngineListener listener;
    private final Ticker ticker;
    private final Duration retryDelay;
    private final DueQueues queues;
    private final int batchSize;
    private final Handovers handovers;
    private final AtomicLong lastFailureLogged = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong failuresSinceLog = new AtomicLong();

    Firing(
            InstantSource clock,
            Capacity capacity,
            EngineListener listener,
            Ticker ticker,
            Duration retryDelay,
            DueQueues queues,
            int batchSize,
            Handovers handovers) {
        this.clock = clock;
        this.capacity = capacity;
        this.listener = listener;
        this.ticker = ticker;
        this.retryDelay = retryDelay;
        this.queues = queues;
        this.batchSize = batchSize;
        this.handovers = handovers;
    }

    /** Starts {@code workers} long-lived firing workers on {@code executor}; they leave at {@link #stopWorkers()}. */
    void startWorkers(Executor executor, int workers) {
        queues.open();
        for (int i = 0; i < workers; i++) {
            executor.execute(this::work);
        }
    }

    /** Workers finish the batch they are firing and take no other; what is queued stays queued. */
    void stopWorkers() {
        queues.close();
    }

    /** Fires everything queued, in the calling thread, a batch at a time (an engine driven by {@code runOnce}). */
    void fireQueued() {
        DueQueues.Batch batch;
        while ((batch = queues.poll(batchSize)) != null) {
            fireNow(batch.track(), batch.ids());
        }
    }

    private void work() {
        while (true) {
            DueQueues.Batch batch;
            try {
                batch = queues.take(batchSize);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch == null) {
                return;
            }
            try {
                fireNow(batch.track(), batch.ids());
            } catch (RuntimeException e) {
                // Only a listener can get here; a worker that died of it would leave the queue unserved.
                log.error("firing worker step failed; going on with the next batch", e);
            }
        }
    }

    private void fireNow(SourceTrack track, long[] ids) {
        try {
            List<Fired> fired;
            try {
                fired = track.source.fire(ids, clock);
            } catch (RuntimeException e) {
                retryLater(track, ids, e);
                return;
            }
            handovers.settled(track, ids);
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
                if (!track.retry(id, retryAt)) {
                    handovers.failed(track, id, cause);
                }
            }
        });
    }

    /** The transaction has committed: a failing listener must not make it look failed and retried. */
    private void notifyQuietly(SourceTrack track, List<Fired> fired) {
        try {
            listener.onFired(track.source, fired, false);
        } catch (RuntimeException e) {
            log.warn(
                    "engine listener failed on {} fired deadlines of {}: {}",
                    fired.size(),
                    track.source.name(),
                    e.toString());
        }
    }

    private void logFailure(SourceTrack track, int deadlines, RuntimeException e) {
        long failures = failuresSinceLog.incrementAndGet();
        long now = clock.millis();
        long last = lastFailureLogged.get();
        if (now - last >= FAILURE_LOG_INTERVAL_MILLIS && lastFailureLogged.compareAndSet(last, now)) {
            failuresSinceLog.set(0);
            log.warn(
                    "firing {} deadlines of {} failed ({} failed batches in the last {} s), retrying in {} ms: {}",
                    deadlines,
                    track.source.name(),
                    failures,
                    FAILURE_LOG_INTERVAL_MILLIS / 1000,
                    retryDelay.toMillis(),
                    e.toString());
        }
    }
}
