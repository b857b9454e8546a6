package dev.orderclock.deadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Fires deadlines on time, once, from a bounded memory: a horizon loader brings the deadlines due
 * soon into timing wheels, a ticker releases them as they fall due into one queue per source,
 * long-lived firing workers take what is queued up to a batch per transaction, and a sweeper claims
 * whatever is overdue past the grace period.
 *
 * <p>Two ways to drive it: {@link #start()} runs its own threads on the real clock;
 * {@link #runOnce()} does one step of everything in the calling thread, for tests that move a
 * manual clock and never sleep.
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

    private static final Logger log = LoggerFactory.getLogger(DeadlineEngine.class);

    private final InstantSource clock;
    private final Settings settings;
    private final Capacity capacity;
    private final Ticker ticker = new Ticker();
    private final Map<DeadlineSource, SourceTrack> tracks = new IdentityHashMap<>();
    private final List<SourceTrack> trackList;
    private final HorizonLoader loader;
    private final Sweeper sweeper;
    private final BacklogCloser backlog;
    private final DueQueues queues;
    private final Firing firing;

    private volatile boolean running;
    private Thread tickerThread;
    private ExecutorService firingPool;
    private ScheduledExecutorService loaderThread;
    private ScheduledExecutorService sweeperThread;
    private long nextLoadAt = Long.MIN_VALUE;

    private DeadlineEngine(Builder builder) {
        this.clock = builder.clock;
        this.settings = new Settings(builder);
        this.capacity = new Capacity(builder.maxInMemory);
        long start = clock.millis();
        for (Registration registration : builder.sources) {
            Duration sweepInterval = Objects.requireNonNullElse(registration.sweepInterval, builder.sweepInterval);
            tracks.put(registration.source, new SourceTrack(registration.source,
                    new TimingWheel(settings.tick.toMillis(), start, capacity), sweepInterval));
        }
        this.trackList = List.copyOf(tracks.values());
        this.loader = new HorizonLoader(clock, ticker, capacity, builder.listener, settings.horizon,
                builder.loadPageSize, settings.horizon.dividedBy(10));
        this.queues = new DueQueues(trackList, capacity);
        this.firing = new Firing(clock, capacity, builder.listener, ticker, builder.retryDelay, queues,
                settings.firingBatchSize);
        this.sweeper = new Sweeper(clock, ticker, builder.listener, settings.grace, builder.sweepBatchSize, queues,
                builder.sweepTurn);
        this.backlog = new BacklogCloser(clock, ticker, builder.listener, builder.sweepBatchSize);
    }

    public static Builder builder(InstantSource clock) {
        return new Builder(clock);
    }

    /**
     * Closes the backlog (everything already overdue, no grace) on the firing threads, loads the
     * horizon and starts the ticker, loader, sweeper and firing threads. Logs one line with what it
     * did. If closing the backlog or loading fails, it throws and starts nothing.
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        long started = System.nanoTime();
        firingPool = Executors.newFixedThreadPool(settings.firingThreads, threads("orderclock-firing"));
        int closed;
        try {
            closed = closeBacklog(firingPool);
            if (settings.horizonLoading) {
                loader.loadAll(trackList);
            }
        } catch (RuntimeException e) {
            firingPool.shutdownNow();
            throw e;
        }
        running = true;
        firing.startWorkers(firingPool, settings.firingThreads);
        tickerThread = threads("orderclock-ticker").newThread(this::tickLoop);
        ticker.ownedBy(tickerThread);
        tickerThread.start();
        loaderThread = Executors.newSingleThreadScheduledExecutor(threads("orderclock-loader"));
        if (settings.horizonLoading) {
            loaderThread.schedule(this::loadLoop, settings.horizon.toMillis() / 2, TimeUnit.MILLISECONDS);
        }
        sweeperThread = Executors.newSingleThreadScheduledExecutor(threads("orderclock-sweeper"));
        sweeper.startRounds(trackList, clock.millis());
        sweeperThread.schedule(this::sweepLoop, sweeper.untilNextRound(trackList), TimeUnit.MILLISECONDS);
        log.info("deadline engine started in {} ms: closed a backlog of {} overdue, holding {} deadlines due within {} s "
                        + "(sources {}, tick {} ms, cap {}, grace {} s)",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), closed, capacity.used(),
                settings.horizon.toSeconds(), sourceNames(), settings.tick.toMillis(), capacity.limit(),
                settings.grace.toSeconds());
    }

    /**
     * Stops firing: no new batch starts, batches under way finish (bounded wait), and what is still
     * in memory, in the wheels or queued for firing, is simply dropped; it is in the database and the
     * next start closes or loads it again.
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        long started = System.nanoTime();
        // Workers are sent away before anything else, so that none takes a new batch from here on;
        // what the ticker still queues on its last step is dropped below with the rest.
        firing.stopWorkers();
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
        ticker.ownedBy(null);
        long dropped = queues.dropAll();
        for (SourceTrack track : trackList) {
            dropped += track.wheel.size();
            track.wheel.drain(id -> { });
            // What was dropped is no longer held: without this the next start would load only past
            // the old frontier and leave the dropped deadlines to the sweeper, a grace period late.
            track.reset();
        }
        log.info("deadline engine stopped in {} ms: {}; {} deadlines left in memory, kept in the database",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                finished ? "all firing batches finished" : "some firing batches still running (abandoned)", dropped);
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
        SourceTrack track = track(source);
        Deadline deadline = new Deadline(id, due.toEpochMilli());
        ticker.submit(() -> track.offer(deadline));
    }

    /**
     * Fires {@code id} again at {@code when}: for a deadline whose firing found the outcome not yet
     * decidable (a payment channel that did not answer clearly). If the capacity refuses it, the
     * sweeper still finds the overdue row. Any thread.
     */
    public void retryAt(DeadlineSource source, long id, Instant when) {
        SourceTrack track = track(source);
        long at = when.toEpochMilli();
        ticker.submit(() -> track.retry(id, at));
    }

    /** Forgets a deadline that will not be needed (the order was paid), to spare a useless firing. Any thread. */
    @Override
    public void cancel(DeadlineSource source, long id) {
        SourceTrack track = track(source);
        ticker.submit(() -> track.wheel.cancel(id));
    }

    /**
     * One step of everything, in the calling thread, for a manually driven clock: runs the queued
     * commands, loads the horizon when due, fires what is due (synchronously) and sweeps the sources
     * whose sweep interval has passed.
     */
    public void runOnce() {
        if (running) {
            throw new IllegalStateException("the engine runs its own threads; runOnce is for an engine not started");
        }
        ticker.drain();
        long now = clock.millis();
        if (settings.horizonLoading && now >= nextLoadAt) {
            boolean complete = loader.loadAll(trackList);
            nextLoadAt = now + (complete ? settings.horizon.toMillis() / 2 : CAPPED_LOAD_RETRY.toMillis());
        }
        advance(now);
        firing.fireQueued();
        ticker.drain();
        sweeper.sweep(trackList);
        ticker.drain();
    }

    /**
     * Fires everything already overdue, ignoring the grace period, on as many threads as the engine
     * fires with; returns how many fired. {@link #start()} does it itself, on its firing threads.
     */
    public int closeBacklog() {
        ExecutorService threads = Executors.newFixedThreadPool(settings.firingThreads, threads("orderclock-backlog"));
        try {
            return closeBacklog(threads);
        } finally {
            threads.shutdown();
        }
    }

    private int closeBacklog(Executor threads) {
        return backlog.close(trackList, clock.instant(), threads, settings.firingThreads);
    }

    /** Deadlines held in memory, including those queued for firing and being fired. */
    public long inMemory() {
        return capacity.used();
    }

    /** Deadlines due and waiting for a firing worker: more than a batch means the database is behind. */
    public long queuedForFiring() {
        return queues.size();
    }

    public Duration horizon() {
        return settings.horizon;
    }

    public boolean isRunning() {
        return running;
    }

    private void tickLoop() {
        long tickNanos = settings.tick.toNanos();
        while (running) {
            try {
                ticker.drain();
                advance(clock.millis());
            } catch (RuntimeException e) {
                log.error("ticker step failed; going on with the next tick", e);
            }
            LockSupport.parkNanos(tickNanos);
        }
    }

    /** Moves what is due from the wheels to the due queues, for the firing workers (or {@code runOnce}). */
    private void advance(long nowMillis) {
        int batchSize = settings.firingBatchSize;
        for (SourceTrack track : trackList) {
            LongBatcher batcher = new LongBatcher(batchSize, batch -> queues.add(track, batch));
            track.wheel.advanceTo(nowMillis, batcher);
            batcher.flush();
        }
    }

    private void loadLoop() {
        long delay = settings.horizon.toMillis() / 2;
        try {
            if (!loader.loadAll(trackList)) {
                delay = CAPPED_LOAD_RETRY.toMillis();
            }
        } catch (RuntimeException e) {
            log.warn("horizon load failed, trying again in {} ms: {}", settings.retryDelay.toMillis(), e.toString());
            delay = settings.retryDelay.toMillis();
        }
        if (running) {
            loaderThread.schedule(this::loadLoop, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void sweepLoop() {
        try {
            sweeper.sweep(trackList);
        } catch (RuntimeException e) {
            log.warn("sweep failed, trying that source again after its sweep interval: {}", e.toString());
        }
        if (running) {
            sweeperThread.schedule(this::sweepLoop, sweeper.untilNextRound(trackList), TimeUnit.MILLISECONDS);
        }
    }

    private SourceTrack track(DeadlineSource source) {
        SourceTrack track = tracks.get(source);
        if (track == null) {
            throw new IllegalArgumentException("source not registered with this engine: " + source.name());
        }
        return track;
    }

    private List<String> sourceNames() {
        return trackList.stream().map(t -> t.source.name()).toList();
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

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The settings in force, with the builder's defaults filled in. */
    private record Settings(Duration horizon, Duration tick, Duration grace, Duration retryDelay,
                            int firingBatchSize, int firingThreads, boolean horizonLoading) {
        Settings(Builder b) {
            this(b.horizon, b.tick, b.grace, b.retryDelay, b.firingBatchSize, b.firingThreads, b.horizonLoading);
        }
    }

    /** A source and its own sweep interval, or null for the engine's. */
    private record Registration(DeadlineSource source, Duration sweepInterval) {
    }

    /** Engine settings; every one has a sensible default ({@code DEFAULT_*}). */
    public static final class Builder {
        private final InstantSource clock;
        private final List<Registration> sources = new ArrayList<>();
        private Duration horizon = DEFAULT_HORIZON;
        private Duration tick = DEFAULT_TICK;
        private long maxInMemory = DEFAULT_MAX_IN_MEMORY;
        private int firingBatchSize = DEFAULT_FIRING_BATCH_SIZE;
        private int firingThreads = DEFAULT_FIRING_THREADS;
        private int loadPageSize = DEFAULT_LOAD_PAGE_SIZE;
        private Duration grace = DEFAULT_GRACE;
        private Duration sweepInterval = DEFAULT_SWEEP_INTERVAL;
        private int sweepBatchSize = DEFAULT_SWEEP_BATCH_SIZE;
        private Duration retryDelay = DEFAULT_RETRY_DELAY;
        private EngineListener listener = EngineListener.NONE;
        private boolean horizonLoading = true;
        private SweepTurn sweepTurn = SweepTurn.ALWAYS;

        private Builder(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** A source swept at the engine's {@link #sweepInterval}. */
        public Builder source(DeadlineSource source) {
            sources.add(new Registration(Objects.requireNonNull(source, "source"), null));
            return this;
        }

        /**
         * A source swept at its own interval: a lost deadline of it is fired at worst grace plus this
         * interval late, for one sweeper look per interval while nothing is overdue.
         */
        public Builder source(DeadlineSource source, Duration sweepInterval) {
            sources.add(new Registration(Objects.requireNonNull(source, "source"),
                    positive(sweepInterval, "sweepInterval")));
            return this;
        }

        /** How far ahead deadlines are held in memory; the loader reads the next window every half horizon. */
        public Builder horizon(Duration horizon) {
            this.horizon = positive(horizon, "horizon");
            return this;
        }

        /** The wheel's resolution: the most a deadline waits in the wheel after it is due. */
        public Builder tick(Duration tick) {
            this.tick = positive(tick, "tick");
            return this;
        }

        /** The cap on deadlines in memory, whatever the number pending in the database. */
        public Builder maxInMemory(long maxInMemory) {
            this.maxInMemory = positive(maxInMemory, "maxInMemory");
            return this;
        }

        /** The most deadlines fired in one transaction. */
        public Builder firingBatchSize(int size) {
            this.firingBatchSize = (int) positive(size, "firingBatchSize");
            return this;
        }

        public Builder firingThreads(int threads) {
            this.firingThreads = (int) positive(threads, "firingThreads");
            return this;
        }

        public Builder loadPageSize(int size) {
            this.loadPageSize = (int) positive(size, "loadPageSize");
            return this;
        }

        /** How long past its deadline a pending row must be before the sweeper claims it. */
        public Builder grace(Duration grace) {
            if (grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("grace must be zero or positive: " + grace);
            }
            this.grace = grace;
            return this;
        }

        /** How often the sweeper looks at each source registered without an interval of its own. */
        public Builder sweepInterval(Duration interval) {
            this.sweepInterval = positive(interval, "sweepInterval");
            return this;
        }

        public Builder sweepBatchSize(int size) {
            this.sweepBatchSize = (int) positive(size, "sweepBatchSize");
            return this;
        }

        /** How long a batch whose transaction failed waits before it is tried again. */
        public Builder retryDelay(Duration delay) {
            this.retryDelay = positive(delay, "retryDelay");
            return this;
        }

        /**
         * Whether the engine reads upcoming deadlines from the sources itself (default). Off when
         * something else fires them on time (cluster mode: RabbitMQ delay tiers): the wheel holds only
         * what {@link DeadlineEngine#retryAt} hands it, {@link DeadlineEngine#schedule} hints are
         * dropped (nothing loaded, nothing promised), and the sweeper still runs.
         */
        public Builder horizonLoading(boolean horizonLoading) {
            this.horizonLoading = horizonLoading;
            return this;
        }

        /**
         * Whose turn the sweeper's looks are: on a node whose turn it is not, the rounds pass without a
         * look (cluster mode: one node looks for all). Default: always this engine's.
         */
        public Builder sweepTurn(SweepTurn turn) {
            this.sweepTurn = Objects.requireNonNull(turn, "turn");
            return this;
        }

        public Builder listener(EngineListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public DeadlineEngine build() {
            if (sources.isEmpty()) {
                throw new IllegalStateException("an engine needs at least one deadline source");
            }
            return new DeadlineEngine(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }

        private static long positive(long value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
