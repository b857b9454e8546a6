package dev.orderclock.deadline;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.orderclock.deadline.EngineSettings.positive;

/** A {@link DeadlineEngine}'s settings; every one has a sensible default ({@code DeadlineEngine.DEFAULT_*}). */
public final class DeadlineEngineBuilder {
    private final InstantSource clock;
    private final List<EngineSettings.Registration> sources = new ArrayList<>();
    private final List<EngineSettings.InboxRegistration> inboxes = new ArrayList<>();
    private Duration horizon = DeadlineEngine.DEFAULT_HORIZON;
    private Duration tick = DeadlineEngine.DEFAULT_TICK;
    private long maxInMemory = DeadlineEngine.DEFAULT_MAX_IN_MEMORY;
    private int firingBatchSize = DeadlineEngine.DEFAULT_FIRING_BATCH_SIZE;
    private int firingThreads = DeadlineEngine.DEFAULT_FIRING_THREADS;
    private int loadPageSize = DeadlineEngine.DEFAULT_LOAD_PAGE_SIZE;
    private Duration grace = DeadlineEngine.DEFAULT_GRACE;
    private Duration sweepInterval = DeadlineEngine.DEFAULT_SWEEP_INTERVAL;
    private int sweepBatchSize = DeadlineEngine.DEFAULT_SWEEP_BATCH_SIZE;
    private Duration retryDelay = DeadlineEngine.DEFAULT_RETRY_DELAY;
    private EngineListener listener = EngineListener.NONE;
    private boolean horizonLoading = true;
    private SweepTurn sweepTurn = SweepTurn.ALWAYS;

    DeadlineEngineBuilder(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A source swept at the engine's {@link #sweepInterval}. */
    public DeadlineEngineBuilder source(DeadlineSource source) {
        sources.add(new EngineSettings.Registration(Objects.requireNonNull(source, "source"), null));
        return this;
    }

    /**
     * A source swept at its own interval: a lost deadline of it is fired at worst grace plus this
     * interval late, for one sweeper look per interval while nothing is overdue.
     */
    public DeadlineEngineBuilder source(DeadlineSource source, Duration sweepInterval) {
        sources.add(new EngineSettings.Registration(
                Objects.requireNonNull(source, "source"), positive(sweepInterval, "sweepInterval")));
        return this;
    }

    /** Takes the retries and cancellations handed to {@code inbox} into the wheel of {@code source}, registered too. */
    public DeadlineEngineBuilder inbox(DeadlineSource source, DeadlineInbox inbox) {
        inboxes.add(new EngineSettings.InboxRegistration(
                Objects.requireNonNull(source, "source"), Objects.requireNonNull(inbox, "inbox")));
        return this;
    }

    /** How far ahead deadlines are held in memory; the loader reads the next window every half horizon. */
    public DeadlineEngineBuilder horizon(Duration horizon) {
        this.horizon = positive(horizon, "horizon");
        return this;
    }

    /** The wheel's resolution: the most a deadline waits in the wheel after it is due. */
    public DeadlineEngineBuilder tick(Duration tick) {
        this.tick = positive(tick, "tick");
        return this;
    }

    /** The cap on deadlines in memory, whatever the number pending in the database. */
    public DeadlineEngineBuilder maxInMemory(long maxInMemory) {
        this.maxInMemory = positive(maxInMemory, "maxInMemory");
        return this;
    }

    /** The most deadlines fired in one transaction. */
    public DeadlineEngineBuilder firingBatchSize(int size) {
        this.firingBatchSize = (int) positive(size, "firingBatchSize");
        return this;
    }

    public DeadlineEngineBuilder firingThreads(int threads) {
        this.firingThreads = (int) positive(threads, "firingThreads");
        return this;
    }

    public DeadlineEngineBuilder loadPageSize(int size) {
        this.loadPageSize = (int) positive(size, "loadPageSize");
        return this;
    }

    /** How long past its deadline a pending row must be before the sweeper claims it. */
    public DeadlineEngineBuilder grace(Duration grace) {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace must be zero or positive: " + grace);
        }
        this.grace = grace;
        return this;
    }

    /** How often the sweeper looks at each source registered without an interval of its own. */
    public DeadlineEngineBuilder sweepInterval(Duration interval) {
        this.sweepInterval = positive(interval, "sweepInterval");
        return this;
    }

    public DeadlineEngineBuilder sweepBatchSize(int size) {
        this.sweepBatchSize = (int) positive(size, "sweepBatchSize");
        return this;
    }

    /** How long a batch whose transaction failed waits before it is tried again. */
    public DeadlineEngineBuilder retryDelay(Duration delay) {
        this.retryDelay = positive(delay, "retryDelay");
        return this;
    }

    /**
     * Whether the engine reads upcoming deadlines from the sources itself (default). Off when
     * something else fires them on time (cluster mode: RabbitMQ delay tiers): the wheel holds only
     * what {@link DeadlineEngine#retryAt} hands it, {@link DeadlineEngine#schedule} hints are
     * dropped (nothing loaded, nothing promised), and the sweeper still runs.
     */
    public DeadlineEngineBuilder horizonLoading(boolean horizonLoading) {
        this.horizonLoading = horizonLoading;
        return this;
    }

    /**
     * Whose turn the sweeper's looks are: on a node whose turn it is not, the rounds pass without a
     * look (cluster mode: one node looks for all). Default: always this engine's.
     */
    public DeadlineEngineBuilder sweepTurn(SweepTurn turn) {
        this.sweepTurn = Objects.requireNonNull(turn, "turn");
        return this;
    }

    public DeadlineEngineBuilder listener(EngineListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public DeadlineEngine build() {
        if (sources.isEmpty()) {
            throw new IllegalStateException("an engine needs at least one deadline source");
        }
        return new DeadlineEngine(
                clock,
                new EngineSettings(
                        sources,
                        inboxes,
                        horizon,
                        tick,
                        maxInMemory,
                        firingBatchSize,
                        firingThreads,
                        loadPageSize,
                        grace,
                        sweepInterval,
                        sweepBatchSize,
                        retryDelay,
                        horizonLoading,
                        sweepTurn,
                        listener));
    }
}
