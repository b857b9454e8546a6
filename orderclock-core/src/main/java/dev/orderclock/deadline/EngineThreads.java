package dev.orderclock.deadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's own threads on the real clock: one ticker thread that owns the wheels, a pool of
 * long-lived firing workers, and one scheduler thread each for the horizon loader and the sweeper.
 * Starting and stopping go in the order that keeps the wheels single-writer; the callers
 * ({@link DeadlineEngine#start()}, {@link DeadlineEngine#stop()}) hold the engine's lock.
 */
final class EngineThreads {

    // The engine's own category, so that its start and stop lines read as they always did.
    private static final Logger log = LoggerFactory.getLogger(DeadlineEngine.class);

    private final InstantSource clock;
    private final EngineSettings settings;
    private final EngineParts parts;

    private volatile boolean running;
    private Thread tickerThread;
    private ExecutorService firingPool;
    private ScheduledExecutorService loaderThread;
    private ScheduledExecutorService sweeperThread;

    EngineThreads(InstantSource clock, EngineSettings settings, EngineParts parts) {
        this.clock = clock;
        this.settings = settings;
        this.parts = parts;
    }

    boolean isRunning() {
        return running;
    }

    /** See {@link DeadlineEngine#start()}: if closing the backlog or loading fails, it throws and starts nothing. */
    void start() {
        if (running) {
            return;
        }
        long started = System.nanoTime();
        firingPool = Executors.newFixedThreadPool(settings.firingThreads(), named("orderclock-firing"));
        int closed;
        try {
            closed = parts.closeBacklog(firingPool);
            if (settings.horizonLoading()) {
                parts.loader.loadAll(parts.tracks);
            }
        } catch (RuntimeException e) {
            firingPool.shutdownNow();
            throw e;
        }
        running = true;
        parts.firing.startWorkers(firingPool, settings.firingThreads());
        tickerThread = named("orderclock-ticker").newThread(this::tickLoop);
        parts.ticker.ownedBy(tickerThread);
        tickerThread.start();
        loaderThread = Executors.newSingleThreadScheduledExecutor(named("orderclock-loader"));
        if (settings.horizonLoading()) {
            loaderThread.schedule(this::loadLoop, settings.horizon().toMillis() / 2, TimeUnit.MILLISECONDS);
        }
        sweeperThread = Executors.newSingleThreadScheduledExecutor(named("orderclock-sweeper"));
        parts.sweeper.startRounds(parts.tracks, clock.millis());
        sweeperThread.schedule(this::sweepLoop, parts.sweeper.untilNextRound(parts.tracks), TimeUnit.MILLISECONDS);
        log.info(
                "deadline engine started in {} ms: closed a backlog of {} overdue, holding {} deadlines due within {} s "
                        + "(sources {}, tick {} ms, cap {}, grace {} s)",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                closed,
                parts.capacity.used(),
                settings.horizon().toSeconds(),
                parts.sourceNames(),
                settings.tick().toMillis(),
                parts.capacity.limit(),
                settings.grace().toSeconds());
    }

    /** See {@link DeadlineEngine#stop()}: batches under way finish (bounded wait), the rest in memory is dropped. */
    void stop() {
        if (!running) {
            return;
        }
        long started = System.nanoTime();
        // Workers are sent away before anything else, so that none takes a new batch from here on;
        // what the ticker still queues on its last step is dropped below with the rest.
        parts.firing.stopWorkers();
        running = false;
        loaderThread.shutdownNow();
        sweeperThread.shutdownNow();
        LockSupport.unpark(tickerThread);
        join(tickerThread);
        firingPool.shutdown();
        boolean finished = awaitQuietly(firingPool);
        // The loader and sweeper reach the wheels through the ticker; once it has no owner, a call
        // of theirs would run inline, racing the drain below (and a later start) from their thread.
        awaitQuietly(loaderThread);
        awaitQuietly(sweeperThread);
        parts.ticker.ownedBy(null);
        long dropped = parts.dropAll();
        log.info(
                "deadline engine stopped in {} ms: {}; {} deadlines left in memory, kept in the database",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                finished ? "all firing batches finished" : "some firing batches still running (abandoned)",
                dropped);
    }

    private void tickLoop() {
        long tickNanos = settings.tick().toNanos();
        while (running) {
            try {
                parts.drainCommands();
                parts.advance(clock.millis());
            } catch (RuntimeException e) {
                log.error("ticker step failed; going on with the next tick", e);
            }
            LockSupport.parkNanos(tickNanos);
        }
    }

    private void loadLoop() {
        long delay = settings.horizon().toMillis() / 2;
        try {
            if (!parts.loader.loadAll(parts.tracks)) {
                delay = DeadlineEngine.CAPPED_LOAD_RETRY.toMillis();
            }
        } catch (RuntimeException e) {
            log.warn(
                    "horizon load failed, trying again in {} ms: {}",
                    settings.retryDelay().toMillis(),
                    e.toString());
            delay = settings.retryDelay().toMillis();
        }
        if (running) {
            loaderThread.schedule(this::loadLoop, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void sweepLoop() {
        try {
            parts.sweeper.sweep(parts.tracks);
        } catch (RuntimeException e) {
            log.warn("sweep failed, trying that source again after its sweep interval: {}", e.toString());
        }
        if (running) {
            sweeperThread.schedule(this::sweepLoop, parts.sweeper.untilNextRound(parts.tracks), TimeUnit.MILLISECONDS);
        }
    }

    /** Daemon threads named {@code name-1}, {@code name-2}, ...: they never keep the JVM alive on their own. */
    static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitQuietly(ExecutorService pool) {
        try {
            return pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
