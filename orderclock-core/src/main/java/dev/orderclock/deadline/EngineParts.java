package dev.orderclock.deadline;

import java.time.Duration;
import java.time.InstantSource;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The engine's parts wired together (one wheel per source, the due queues, loader, firing, sweeper and
 * backlog closer, all sharing one capacity and one ticker), with the steps that both ways of driving
 * them share: {@link DeadlineEngine#runOnce()} in the caller's thread and {@link EngineThreads} on its own.
 */
final class EngineParts {

    final Capacity capacity;
    final Ticker ticker = new Ticker();
    final List<SourceTrack> tracks;
    final HorizonLoader loader;
    final DueQueues queues;
    final Handovers handovers;
    final Firing firing;
    final Sweeper sweeper;
    private final InstantSource clock;
    private final Map<DeadlineSource, SourceTrack> bySource = new IdentityHashMap<>();
    private final List<TrackInbox> inboxes;
    private final BacklogCloser backlog;
    private final int firingBatchSize;
    private final int firingThreads;

    EngineParts(InstantSource clock, EngineSettings settings) {
        this.clock = clock;
        this.capacity = new Capacity(settings.maxInMemory());
        this.firingBatchSize = settings.firingBatchSize();
        this.firingThreads = settings.firingThreads();
        long start = clock.millis();
        for (EngineSettings.Registration registration : settings.sources()) {
            Duration sweepInterval = Objects.requireNonNullElse(registration.sweepInterval(), settings.sweepInterval());
            bySource.put(
                    registration.source(),
                    new SourceTrack(
                            registration.source(),
                            new TimingWheel(settings.tick().toMillis(), start, capacity),
                            sweepInterval));
        }
        this.tracks = List.copyOf(bySource.values());
        this.inboxes = settings.inboxes().stream()
                .map(registered -> new TrackInbox(track(registered.source()), registered.inbox()))
                .toList();
        EngineListener listener = settings.listener();
        this.loader = new HorizonLoader(
                clock,
                ticker,
                capacity,
                listener,
                settings.horizon(),
                settings.loadPageSize(),
                settings.horizon().dividedBy(10));
        this.queues = new DueQueues(tracks, capacity);
        this.handovers = new Handovers(tracks);
        this.firing = new Firing(
                clock, capacity, listener, ticker, settings.retryDelay(), queues, firingBatchSize, handovers);
        this.sweeper = new Sweeper(
                clock,
                ticker,
                listener,
                settings.grace(),
                settings.sweepBatchSize(),
                queues,
                settings.sweepTurn(),
                handovers);
        this.backlog = new BacklogCloser(clock, ticker, listener, settings.sweepBatchSize());
    }

    SourceTrack track(DeadlineSource source) {
        SourceTrack track = bySource.get(source);
        if (track == null) {
            throw new IllegalArgumentException("source not registered with this engine: " + source.name());
        }
        return track;
    }

    /**
     * Runs the commands queued for the ticker, then the requests the inboxes were handed: on the ticker's
     * thread, or the caller of {@code runOnce}, the wheels' one writer.
     */
    void drainCommands() {
        ticker.drain();
        for (TrackInbox registered : inboxes) {
            registered.inbox().drainInto(registered.track());
        }
    }

    /** Moves what is due from the wheels to the due queues, for the firing workers (or {@code runOnce}). */
    void advance(long nowMillis) {
        for (SourceTrack track : tracks) {
            LongBatcher batcher = new LongBatcher(firingBatchSize, batch -> queues.add(track, batch));
            track.wheel.advanceTo(nowMillis, batcher);
            batcher.flush();
        }
    }

    /**
     * Queues {@code ids}, due now, for the firing workers, each taking its place in the capacity even
     * past the cap (the caller holds them already); the stage completes once each is settled.
     */
    CompletionStage<Void> handOver(SourceTrack track, long[] ids) {
        // Registered before queued: a worker may fire and settle them at once.
        CompletionStage<Void> settled = handovers.register(track, ids);
        capacity.takeBeyondLimit(ids.length);
        queues.add(track, ids);
        return settled;
    }

    /** Fires everything already overdue, ignoring the grace period, on {@code threads}; returns how many fired. */
    int closeBacklog(Executor threads) {
        return backlog.close(tracks, clock.instant(), threads, firingThreads);
    }

    /**
     * Empties the queues and the wheels and returns how many deadlines that dropped. Only once nothing
     * else reaches the wheels (the ticker has no owner and no loader or sweeper call is under way).
     */
    long dropAll() {
        long dropped = queues.dropAll();
        handovers.failAll(new IllegalStateException("the engine stopped before firing the deadlines handed to it"));
        for (SourceTrack track : tracks) {
            dropped += track.wheel.size();
            track.wheel.drain(id -> {});
            // What was dropped is no longer held: without this the next start would load only past
            // the old frontier and leave the dropped deadlines to the sweeper, a grace period late.
            track.reset();
        }
        return dropped;
    }

    List<String> sourceNames() {
        return tracks.stream().map(t -> t.source.name()).toList();
    }

    private record TrackInbox(SourceTrack track, DeadlineInbox inbox) {}
}
