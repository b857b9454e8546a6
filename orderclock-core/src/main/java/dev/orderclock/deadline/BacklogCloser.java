package dev.orderclock.deadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closes the backlog at start-up: everything already overdue, with no grace, on several firing
 * threads. Reading the overdue ids is one cheap indexed query; closing them is the expensive part,
 * so one claimer (the calling thread) reads them and the firing threads close them.
 *
 * <p>The claimer reads in (due, id) order from a cursor that only moves forward, so no two batches
 * share an id whatever the database does with concurrent claims (H2 reads its claim candidates
 * without locks, and parallel claims there would race for the same rows). It stays at most two
 * batches per thread ahead of the firing, so memory holds a few batches, not the backlog.
 *
 * <p>A batch whose transaction fails stops the claiming; the batches under way finish and the
 * failure is thrown, as when the backlog closed on one thread: what was not closed is still
 * pending in the database, for the next start or the sweeper.
 */
final class BacklogCloser {

    private static final Logger log = LoggerFactory.getLogger(BacklogCloser.class);

    private final InstantSource clock;
    private final Ticker ticker;
    private final EngineListener listener;
    private final int batchSize;

    BacklogCloser(InstantSource clock, Ticker ticker, EngineListener listener, int batchSize) {
        this.clock = clock;
        this.ticker = ticker;
        this.listener = listener;
        this.batchSize = batchSize;
    }

    /**
     * Closes everything of {@code tracks} due at or before {@code cutoff}, {@code threads} batches at
     * a time on {@code firingThreads}; returns how many closed. Returns once every batch is done.
     */
    int close(List<SourceTrack> tracks, Instant cutoff, Executor firingThreads, int threads) {
        Run run = new Run(firingThreads, 2 * threads);
        try {
            for (SourceTrack track : tracks) {
                claim(track, cutoff, run);
            }
        } catch (RuntimeException e) {
            run.fail(e);
        }
        run.awaitBatches();
        run.throwIfFailed();
        return run.closed.get();
    }

    private void claim(SourceTrack track, Instant cutoff, Run run) {
        Deadline after = Deadline.BEGINNING;
        while (!run.failed()) {
            List<Deadline> page = track.source.scan(after, cutoff, batchSize);
            if (page.isEmpty()) {
                return;
            }
            long[] ids = page.stream().mapToLong(Deadline::id).toArray();
            run.submit(() -> fire(track, ids, run));
            if (page.size() < batchSize) {
                return;
            }
            after = page.get(page.size() - 1);
        }
    }

    private void fire(SourceTrack track, long[] ids, Run run) {
        List<Fired> fired;
        try {
            fired = track.source.fire(ids, clock);
        } catch (RuntimeException e) {
            run.fail(e);
            return;
        }
        run.closed.addAndGet(fired.size());
        if (fired.isEmpty()) {
            return;
        }
        // The wheel may hold them too (a backlog closed on an engine that has run): drop them there.
        ticker.submit(() -> fired.forEach(f -> track.wheel.cancel(f.id())));
        try {
            listener.onFired(track.source, fired, true);
        } catch (RuntimeException e) {
            // The transaction has committed: a failing listener must not make the backlog look failed.
            log.warn(
                    "engine listener failed on {} backlog deadlines of {}: {}",
                    fired.size(),
                    track.source.name(),
                    e.toString());
        }
    }

    /** One close of the backlog: the batches in flight, what they closed and the first failure. */
    private static final class Run {

        private final Executor executor;
        private final int maxInFlight;
        private final Semaphore inFlight;
        private final AtomicInteger closed = new AtomicInteger();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        Run(Executor executor, int maxInFlight) {
            this.executor = executor;
            this.maxInFlight = maxInFlight;
            this.inFlight = new Semaphore(maxInFlight);
        }

        /** Hands a batch to the firing threads, waiting while {@code maxInFlight} are under way. */
        void submit(Runnable batch) {
            inFlight.acquireUninterruptibly();
            try {
                executor.execute(() -> {
                    try {
                        batch.run();
                    } catch (RuntimeException | Error e) {
                        fail(e instanceof RuntimeException r ? r : new IllegalStateException(e));
                        throw e;
                    } finally {
                        inFlight.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                inFlight.release();
                throw e;
            }
        }

        void fail(RuntimeException e) {
            if (!failure.compareAndSet(null, e) && failure.get() != e) {
                failure.get().addSuppressed(e);
            }
        }

        boolean failed() {
            return failure.get() != null;
        }

        /** Waits for every batch handed over to finish: none may still run when the engine goes on. */
        void awaitBatches() {
            inFlight.acquireUninterruptibly(maxInFlight);
            inFlight.release(maxInFlight);
        }

        void throwIfFailed() {
            RuntimeException e = failure.get();
            if (e != null) {
                throw e;
            }
        }
    }
}
