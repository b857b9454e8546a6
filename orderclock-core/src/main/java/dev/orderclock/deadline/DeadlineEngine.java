package dev.orderclock.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fires deadlines on time, once, from a bounded memory: a horizon loader brings the deadlines due
 * soon into timing wheels, a ticker releases them as they fall due into one queue per source,
 * long-lived firing workers take what is queued up to a batch per transaction, and a sweeper claims
 * whatever is overdue past the grace period.
 *
 * <p>Two ways to drive it: {@link #start()} runs its own threads on the real clock;
 * {@link #runOnce()} does one step of everything in the calling thread, for tests that move a
 * manual clock and never sleep. The wheels have one writer either way (the ticker thread, or the
 * caller of {@code runOnce}); every other thread hands its changes to the ticker.
 */
public final class DeadlineEngine implements DeadlineScheduler, AutoCloseable {

    public static final Duration DEFAULT_HORIZON = Duration.ofSeconds(60);
    public static final Duration DEFAULT_TICK = Duration.ofMillis(10);
    public static final long DEFAULT_MAX_IN_MEMORY = 1_000_000;
    public static final int DEFAULT_FIRING_BATCH_SIZE = 500;
    public static final int DEFAULT_FIRING_THREADS = 2;
    public static final int DEFAULT_LOAD_PAGE_SIZE = 5_000;
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_SWEEP_BATCH_SIZE = 1_000;
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(500);
    /** How soon a load that the capacity cut short is tried again. */
    static final Duration CAPPED_LOAD_RETRY = Duration.ofSeconds(1);

    private final InstantSource clock;
    private final EngineSettings settings;
    private final EngineParts parts;
    private final EngineThreads threads;
    private long nextLoadAt = Long.MIN_VALUE;

    DeadlineEngine(InstantSource clock, EngineSettings settings) {
        this.clock = clock;
        this.settings = settings;
        this.parts = new EngineParts(clock, settings);
        this.threads = new EngineThreads(clock, settings, parts);
    }

    public static DeadlineEngineBuilder builder(InstantSource clock) {
        return new DeadlineEngineBuilder(clock);
    }

    /**
     * Closes the backlog (everything already overdue, no grace) on the firing threads, loads the
     * horizon and starts the ticker, loader, sweeper and firing threads. Logs one line with what it
     * did. If closing the backlog or loading fails, it throws and starts nothing.
     */
    public synchronized void start() {
        threads.start();
    }

    /**
     * Stops firing: no new batch starts, batches under way finish (bounded wait), and what is still
     * in memory, in the wheels or queued for firing, is simply dropped; it is in the database and the
     * next start closes or loads it again.
     */
    public synchronized void stop() {
        threads.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Tells the engine about a deadline whose row has just been committed. It joins the wheel if it
     * is due within what is loaded; otherwise the loader will find it in time. Any thread.
     */
    @Override
    public void schedule(DeadlineSource source, long id, Instant due) {
        SourceTrack track = parts.track(source);
        Deadline deadline = new Deadline(id, due.toEpochMilli());
        parts.ticker.submit(() -> track.offer(deadline));
    }

    /**
     * Fires {@code id} again at {@code when}: for a deadline whose firing found the outcome not yet
     * decidable (a payment channel that did not answer clearly). If the capacity refuses it, the
     * sweeper still finds the overdue row. Any thread.
     */
    public void retryAt(DeadlineSource source, long id, Instant when) {
        SourceTrack track = parts.track(source);
        long at = when.toEpochMilli();
        parts.ticker.submit(() -> track.retry(id, at));
    }

    /**
     * Fires {@code ids}, due now, through the firing workers, batched with the wheels' deadlines and
     * under the same retry rule: a failed batch is tried again after the retry delay, in the wheel. The
     * stage completes once each id has been fired in a committed transaction, closed by the sweeper or
     * cancelled; so a caller that acks a broker's message on completion leaves it unacked, for the
     * broker to deliver again, while any of its ids could still be pending. The stage fails when the
     * engine stops first, or when a retry finds the capacity full (the sweeper closes those). The ids
     * take places in the capacity even past the cap: the caller holds them in memory already, and its
     * own prefetch bounds them. Any thread; an engine driven by {@link #runOnce()} fires them there.
     */
    public CompletionStage<Void> fireNow(DeadlineSource source, long[] ids) {
        return parts.handOver(parts.track(source), ids.clone());
    }

    /** Forgets a deadline that will not be needed (the order was paid), to spare a useless firing. Any thread. */
    @Override
    public void cancel(DeadlineSource source, long id) {
        SourceTrack track = parts.track(source);
        parts.ticker.submit(() -> {
            if (track.wheel.cancel(id)) {
                // A handed-over id waiting for its retry: its row is no longer pending, nothing is left to fire.
                parts.handovers.settled(track, new long[] {id});
            }
        });
    }

    /**
     * One step of everything, in the calling thread, for a manually driven clock: runs the queued
     * commands, loads the horizon when due, fires what is due (synchronously) and sweeps the sources
     * whose sweep interval has passed.
     */
    public void runOnce() {
        if (threads.isRunning()) {
            throw new IllegalStateException("the engine runs its own threads; runOnce is for an engine not started");
        }
        parts.drainCommands();
        long now = clock.millis();
        if (settings.horizonLoading() && now >= nextLoadAt) {
            boolean complete = parts.loader.loadAll(parts.tracks);
            nextLoadAt = now + (complete ? settings.horizon().toMillis() / 2 : CAPPED_LOAD_RETRY.toMillis());
        }
        parts.advance(now);
        parts.firing.fireQueued();
        parts.drainCommands();
        parts.sweeper.sweep(parts.tracks);
        parts.drainCommands();
    }

    /**
     * Fires everything already overdue, ignoring the grace period, on as many threads as the engine
     * fires with; returns how many fired. {@link #start()} does it itself, on its firing threads.
     */
    public int closeBacklog() {
        ExecutorService pool =
                Executors.newFixedThreadPool(settings.firingThreads(), EngineThreads.named("orderclock-backlog"));
        try {
            return parts.closeBacklog(pool);
        } finally {
            pool.shutdown();
        }
    }

    /** Deadlines held in memory, including those queued for firing and being fired. */
    public long inMemory() {
        return parts.capacity.used();
    }

    /** Deadlines due and waiting for a firing worker: more than a batch means the database is behind. */
    public long queuedForFiring() {
        return parts.queues.size();
    }

    public Duration horizon() {
        return settings.horizon();
    }

    public boolean isRunning() {
        return threads.isRunning();
    }
}
